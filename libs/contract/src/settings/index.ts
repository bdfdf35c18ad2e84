export * from './settings';
export * from './sending-rate';
