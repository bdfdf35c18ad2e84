import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiExceptionFilter } from './api-exception.filter';

export const API_PREFIX = 'api';

/** The HTTP set-up shared by main.ts and the integration tests, so tests exercise what production runs. */
export function configureHttp(app: INestApplication) {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '1mb' });
  express.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  // A patient's e-mail reply, posted raw by the clinic's mail provider: its signature is over these bytes.
  express.useBodyParser('raw', { limit: '1mb', type: 'message/rfc822' });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('clinicflow API')
      .setDescription(
        'Appointments in, patient messages out. Errors: { statusCode, message, errors: [{ path, message }] }.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Operator-Key' }, 'operator-key')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}
