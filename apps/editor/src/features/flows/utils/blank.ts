/** A form field left empty, saved as absent (`setValueAs` of an optional field). */
export const blank = (value: string) => (value === '' ? undefined : value);
