/** Public surface of @clinicflow/channels. */
export {};
