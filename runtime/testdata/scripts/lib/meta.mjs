export const where = import.meta.filename;
