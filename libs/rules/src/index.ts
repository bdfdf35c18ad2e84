/** Public surface of @clinicflow/rules. */
export {};
