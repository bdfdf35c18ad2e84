import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodBody, ZodQuery, ZodValidationPipe } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import {
  DiffQuery,
  diffQuerySchema,
  flowExample,
  publishSchema,
  restoreSchema,
  versionParamSchema,
} from './flow.dto';
import { FlowVersionService } from './flow-version.service';

const versionExample = {
  flowId: '7d0c9c1e-2b1f-4c55-9d7a-3e1b2a4c5d6e',
  version: 2,
  note: 'Reminder moved to 48 h',
  publishedAt: '2026-03-21T10:00:00.000Z',
  publishedBy: 'manager@cabinet.fr',
};
const versionPipe = new ZodValidationPipe(versionParamSchema, 'params.version');

@ApiTags('flows')
@ApiBearerAuth()
@Controller('flows/:id')
export class FlowVersionsController {
  constructor(private readonly versions: FlowVersionService) {}

  @Post('publish')
  @ManagersOnly()
  @ApiOperation({
    summary: 'Publish the draft as an immutable numbered version; 400 with the problems if invalid.',
  })
  @ApiCreatedResponse({ schema: { example: versionExample } })
  publish(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(publishSchema, { note: 'Reminder moved to 48 h' }) body: z.infer<typeof publishSchema>,
  ) {
    return this.versions.publish(principal, id, body.note);
  }

  @Get('versions')
  @ApiOperation({ summary: 'Published versions, newest first.' })
  @ApiOkResponse({ schema: { example: [versionExample] } })
  list(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.versions.list(clinicId, id);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One published version with its flow document.' })
  @ApiOkResponse({ schema: { example: { ...versionExample, flow: flowExample } } })
  get(@ClinicId() clinicId: string, @Param('id') id: string, @Param('version', versionPipe) version: number) {
    return this.versions.get(clinicId, id, version);
  }

  @Get('diff')
  @ApiOperation({
    summary:
      'What changed between two versions (or a version and the draft): nodes and edges added, removed, changed.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        from: 1,
        to: 'draft',
        nodes: { added: ['sms2h'], removed: [], changed: [{ id: 'wait48', fields: ['data'] }] },
        edges: { added: ['wait2h-next-sms2h'], removed: [], changed: [] },
        flow: ['description'],
      },
    },
  })
  diff(@ClinicId() clinicId: string, @Param('id') id: string, @ZodQuery(diffQuerySchema) query: DiffQuery) {
    return this.versions.diff(clinicId, id, query.from, query.to);
  }

  @Post('versions/:version/restore')
  @ManagersOnly()
  @ApiOperation({ summary: 'Copy a published version into the draft (a new draft revision).' })
  @ApiCreatedResponse({ schema: { example: { id: versionExample.flowId, draft: flowExample, revision: 4 } } })
  restore(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('version', versionPipe) version: number,
    @ZodBody(restoreSchema, { revision: 3 }) body: z.infer<typeof restoreSchema>,
  ) {
    return this.versions.restore(principal, id, version, body.revision);
  }
}
