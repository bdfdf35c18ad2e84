import { Body, PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { RequestValidationError } from './api-error';

/** Where the value came from, the first part of every problem's path: `body`, `query`, `params.channel`. */
type Source = string;

/** Turns zod's issues into api.md's problems, paths prefixed by where the value came from (`body.patient.mobile`). */
export function toProblems(error: z.ZodError, prefix: string) {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Parses a request part with a zod schema; every problem becomes a 400 naming its path. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly source: Source,
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? (this.source === 'query' ? {} : undefined));
    if (!result.success) throw new RequestValidationError(toProblems(result.error, this.source));
    return result.data;
  }
}

/** The OpenAPI (3.0) description of a zod schema, as request bodies and queries are documented. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
  delete (json as Record<string, unknown>).$schema;
  return json as Record<string, unknown>;
}

function describe(target: object, key: string | symbol | undefined, decorator: MethodDecorator) {
  const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
  decorator(target, key!, descriptor);
}

/** `@ZodBody(schema, example)`: the validated body, documented in OpenAPI with its example. */
export function ZodBody(schema: z.ZodType, example?: unknown): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    describe(
      target,
      key,
      ApiBody({
        schema: { ...openApiSchema(schema), ...(example === undefined ? {} : { example }) },
      }),
    );
  };
}

/** `@ZodQuery(schema)`: the validated query string; each property of the object schema is documented. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    const json = openApiSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      describe(
        target,
        key,
        ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property }),
      );
    }
  };
}

/** The paging of every list and the plain list's query are the shared contract's. */
export { pageFields, pageQuerySchema } from '@clinicflow/contract';
