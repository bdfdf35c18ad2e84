import { Module } from '@nestjs/common';
import { TemplateRepository } from './template.repository';
import { TemplateService } from './template.service';
import { TemplatesController } from './templates.controller';

@Module({
  controllers: [TemplatesController],
  providers: [TemplateRepository, TemplateService],
  exports: [TemplateService],
})
export class TemplatesModule {}
