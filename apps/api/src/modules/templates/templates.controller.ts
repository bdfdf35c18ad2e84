import { Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBody, ZodQuery } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import {
  templateExample,
  TemplateInput,
  TemplateListQuery,
  templateListQuerySchema,
  templateSchema,
} from './template.dto';
import { TemplateService } from './template.service';

const templateView = {
  id: '2f7b6c1d-0e9a-4b8c-8d7e-6f5a4b3c2d1e',
  ...templateExample,
  createdAt: '2026-03-20T10:00:00.000Z',
  updatedAt: '2026-03-20T10:00:00.000Z',
  updatedBy: 'manager@cabinet.fr',
};

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Get()
  @ApiOperation({ summary: "The clinic's templates, by channel and name search." })
  @ApiOkResponse({ schema: { example: { items: [templateView], total: 1, page: 1, pageSize: 20 } } })
  list(@ClinicId() clinicId: string, @ZodQuery(templateListQuerySchema) query: TemplateListQuery) {
    return this.templates.list(clinicId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One template.' })
  @ApiOkResponse({ schema: { example: templateView } })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.templates.get(clinicId, id);
  }

  @Post()
  @ManagersOnly()
  @ApiOperation({ summary: 'Create a template; 400 naming the text with an unknown variable or bad syntax.' })
  @ApiCreatedResponse({ schema: { example: templateView } })
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(templateSchema, templateExample) body: TemplateInput,
  ) {
    return this.templates.create(principal, body);
  }

  @Put(':id')
  @ManagersOnly()
  @ApiOperation({ summary: 'Replace a template (validated as on creation).' })
  @ApiOkResponse({ schema: { example: templateView } })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(templateSchema, templateExample) body: TemplateInput,
  ) {
    return this.templates.replace(principal, id, body);
  }

  @Delete(':id')
  @ManagersOnly()
  @ApiOperation({ summary: 'Delete a template.' })
  @ApiOkResponse({ schema: { example: { deleted: true } } })
  remove(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.templates.remove(clinicId, id);
  }
}
