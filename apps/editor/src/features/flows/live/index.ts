export { FlowLiveProvider } from './FlowLiveProvider';
export { useFlowLive } from './flowLiveContext';
export { LiveFeed } from './LiveFeed';
export { LiveStatus } from './LiveStatus';
export { StepActivityBadges } from './StepActivityBadges';
