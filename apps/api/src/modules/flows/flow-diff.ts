/**
 * The flow diff is the rules library's (`diffFlows`), so the API's answer between versions and the editor's
 * "what would be lost" before replacing someone else's draft are one computation.
 */
export { diffFlows, type FlowDiff } from '@clinicflow/rules';
