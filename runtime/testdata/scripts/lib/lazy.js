export const loaded = "lazy module";
