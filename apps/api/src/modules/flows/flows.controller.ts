import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBody } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import {
  createFlowSchema,
  flowExample,
  FlowDocument,
  SaveDraft,
  saveDraftSchema,
  simulateExample,
  SimulateRequest,
  simulateSavedSchema,
  SimulateSavedRequest,
  simulateSchema,
  timelineExample,
} from './flow.dto';
import { FlowSimulationService } from './flow-simulation.service';
import { FlowService } from './flow.service';

const flowView = {
  id: '7d0c9c1e-2b1f-4c55-9d7a-3e1b2a4c5d6e',
  draft: flowExample,
  revision: 3,
  problems: [],
  valid: true,
  enabled: true,
  latestVersion: 2,
  starterKey: 'booking-confirmation',
  createdAt: '2026-03-20T10:00:00.000Z',
  createdBy: 'manager@cabinet.fr',
  updatedAt: '2026-03-21T10:00:00.000Z',
  updatedBy: 'manager@cabinet.fr',
};

@ApiTags('flows')
@ApiBearerAuth()
@Controller('flows')
export class FlowsController {
  constructor(
    private readonly flows: FlowService,
    private readonly simulation: FlowSimulationService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The clinic's flows (summaries)." })
  @ApiOkResponse({
    schema: { example: [{ ...flowView, draft: undefined, name: flowExample.name, problemCount: 0 }] },
  })
  list(@ClinicId() clinicId: string) {
    return this.flows.list(clinicId);
  }

  @Get('starters')
  @ApiOperation({ summary: 'The gallery of starter flows (from the rules library).' })
  @ApiOkResponse({
    schema: {
      example: [{ key: 'booking-confirmation', name: flowExample.name, features: ['F1'], flow: flowExample }],
    },
  })
  starters() {
    return this.flows.starters();
  }

  @Post('starters/:key')
  @ManagersOnly()
  @ApiOperation({ summary: 'Create a new draft flow from a starter flow.' })
  @ApiCreatedResponse({ schema: { example: flowView } })
  createFromStarter(@CurrentPrincipal() principal: Principal, @Param('key') key: string) {
    return this.flows.createFromStarter(principal, key);
  }

  @Post('simulate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Simulate a flow document (no side effects): the timeline of what it would send and skip.',
  })
  @ApiOkResponse({ schema: { example: timelineExample } })
  simulate(@ClinicId() clinicId: string, @ZodBody(simulateSchema, simulateExample) body: SimulateRequest) {
    return this.simulation.simulate(clinicId, body);
  }

  @Post()
  @ManagersOnly()
  @ApiOperation({
    summary: 'Create a draft flow; answered with its problems (a draft is saved even when invalid).',
  })
  @ApiCreatedResponse({
    schema: { example: { ...flowView, revision: 1, latestVersion: null, enabled: false } },
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createFlowSchema, flowExample) body: FlowDocument,
  ) {
    return this.flows.create(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A flow with its draft, revision and problems.' })
  @ApiOkResponse({ schema: { example: flowView } })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.flows.view(clinicId, id);
  }

  @Put(':id')
  @ManagersOnly()
  @ApiOperation({ summary: 'Save the draft made from `revision`; 409 naming who changed it if it is stale.' })
  @ApiOkResponse({ schema: { example: flowView } })
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(saveDraftSchema, { revision: 3, flow: flowExample }) body: SaveDraft,
  ) {
    return this.flows.saveDraft(principal, id, body.revision, body.flow, body.editorSession);
  }

  @Delete(':id')
  @ManagersOnly()
  @ApiOperation({ summary: 'Delete a flow (its published versions stay for the runs that use them).' })
  @ApiOkResponse({ schema: { example: { deleted: true } } })
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.flows.removeBy(principal, id);
  }

  @Post(':id/enable')
  @ManagersOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable the flow: its latest published version runs on new events.' })
  @ApiOkResponse({ schema: { example: flowView } })
  enable(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.flows.setEnabledBy(principal, id, true);
  }

  @Post(':id/disable')
  @ManagersOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable the flow: no new runs start.' })
  @ApiOkResponse({ schema: { example: { ...flowView, enabled: false } } })
  disable(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.flows.setEnabledBy(principal, id, false);
  }

  @Post(':id/simulate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Simulate the saved draft (default) or a published version.' })
  @ApiOkResponse({ schema: { example: timelineExample } })
  simulateSaved(
    @ClinicId() clinicId: string,
    @Param('id') id: string,
    @ZodBody(simulateSavedSchema, { ...simulateExample, flow: undefined, version: 'draft' })
    body: SimulateSavedRequest,
  ) {
    return this.simulation.simulateSaved(clinicId, id, body);
  }
}
