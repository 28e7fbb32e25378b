// The seed loader's value checks are the model's zod schemas (core/validation): one set of rules for
// seed files, imports and, next, the editing forms.
export { checkValue } from "../core/validation/value-schema.ts";
