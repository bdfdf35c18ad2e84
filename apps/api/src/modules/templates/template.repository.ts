import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { TemplateInput } from './template.dto';

export interface TemplateDocument extends ClinicDocument, TemplateInput {
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

@Injectable()
export class TemplateRepository extends ClinicScopedRepository<TemplateDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'templates');
  }
}
