import { Controller, Get, Param, Patch, Post, Put, Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { pageQuerySchema, ZodBody, ZodQuery } from '../../http/zod-validation';
import { AllowApiKey, ClinicId, ManagersOnly } from '../../http/principal';
import type { ListQuery } from './directory-entries';
import { z } from 'zod';
import { directoryExamples, DirectoryKind, directorySchemas, serviceFieldsSchema } from './directory.dto';
import { DirectoryService } from './directory.service';

/**
 * The controller of one directory collection (services, resources, locations): the three differ only in
 * their schema and examples, so they are made by one function rather than written three times.
 */
function directoryController(kind: DirectoryKind): Type<unknown> {
  const schema = directorySchemas[kind] as z.ZodObject<typeof serviceFieldsSchema.shape>;
  const example = directoryExamples[kind];
  const view = { id: 'svc_4f3e2d1c0b9a8f7e6d5c4b3a', ...example, placeholder: false };

  @ApiTags('directory')
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @AllowApiKey('directory') // a PMS keeps its services, practitioners and sites up to date
  @Controller(kind)
  class DirectoryController {
    constructor(readonly directory: DirectoryService) {}

    @Get()
    @ApiOperation({ summary: `List ${kind}, with search (q) and pagination.` })
    @ApiOkResponse({ schema: { example: { items: [view], total: 1, page: 1, pageSize: 20 } } })
    list(@ClinicId() clinicId: string, @ZodQuery(pageQuerySchema) query: ListQuery) {
      return this.directory.list(kind, clinicId, query);
    }

    @Get(':id')
    @ApiOperation({ summary: `One of the clinic's ${kind}.` })
    @ApiOkResponse({ schema: { example: view } })
    get(@ClinicId() clinicId: string, @Param('id') id: string) {
      return this.directory.get(kind, clinicId, id);
    }

    @Post()
    @ManagersOnly()
    @ApiOperation({ summary: `Create one of the clinic's ${kind}.` })
    @ApiCreatedResponse({ schema: { example: view } })
    create(@ClinicId() clinicId: string, @ZodBody(schema, example) body: never) {
      return this.directory.create(kind, clinicId, body);
    }

    @Patch(':id')
    @ManagersOnly()
    @ApiOperation({ summary: `Change fields of one of the clinic's ${kind}.` })
    @ApiOkResponse({ schema: { example: view } })
    update(
      @ClinicId() clinicId: string,
      @Param('id') id: string,
      @ZodBody(schema.partial(), example) body: never,
    ) {
      return this.directory.update(kind, clinicId, id, body);
    }

    @Put('by-external-id/:externalId')
    @ManagersOnly()
    @ApiOperation({ summary: `Create or update the entry of ${kind} the PMS calls externalId.` })
    @ApiOkResponse({ schema: { example: { ...view, created: false } } })
    upsert(
      @ClinicId() clinicId: string,
      @Param('externalId') externalId: string,
      @ZodBody(schema.omit({ externalId: true }), example) body: never,
    ) {
      return this.directory.upsert(kind, clinicId, externalId, body);
    }
  }
  Object.defineProperty(DirectoryController, 'name', {
    value: `${kind[0].toUpperCase()}${kind.slice(1)}Controller`,
  });
  return DirectoryController;
}

export const ServicesController = directoryController('services');
export const ResourcesController = directoryController('resources');
export const LocationsController = directoryController('locations');
