import { describe, expect, it } from "vitest";
import { checkValue } from "../../core/validation/value-schema.ts";
import { enums } from "../../core/model/index.ts";

// What seed files, imports and forms are told, type by type (the loader's file:line messages).
describe("value checks built with zod from the model's value types", () => {
  it.each([
    [{ type: "string" }, "a\nb", "expected one line of text"],
    [{ type: "string" }, "  ", 'expected text, got "  "'],
    [{ type: "text" }, 12, "expected text, got 12"],
    [{ type: "int", min: 0 }, "beaucoup", 'expected a whole number, got "beaucoup"'],
    [{ type: "int", min: 0 }, 2.5, "expected a whole number, got 2.5"],
    [{ type: "int", min: 1, max: 99 }, 0, "0 is below 1"],
    [{ type: "int", min: 1, max: 99 }, 100, "100 is above 99"],
    [{ type: "float", min: 0 }, -3.2, "-3.2 is below 0"],
    [{ type: "year" }, 1850, "expected a year such as 2023, got 1850"],
    [{ type: "date" }, "2024-13", '"2024-13" has no month 13'],
    [{ type: "date" }, "2023-02-29", '"2023-02-29" has no day 29 in month 2'],
    [enums.territoryKind, "ville", 'expected one of commune, intercommunalité, département, région, pays, got "ville"'],
    [{ type: "strings" }, [], "expected a list of texts, got a list"],
    [{ type: "strings" }, ["ok", 3], "expected a list of texts, got a list"],
    [{ type: "url" }, "www.example.org", 'expected a web address starting with https://, got "www.example.org"'],
    [{ type: "boolean" }, "oui", 'expected true or false, got "oui"'],
    [{ type: "location" }, { latitude: 95, longitude: 3 }, "latitude 95 is not between -90 and 90"],
    [{ type: "location" }, "Lille", 'expected { latitude, longitude }, got "Lille"'],
  ] as const)("%j refuses %j: %s", (type, value, message) => {
    expect(checkValue(value, type as never)).toBe(message);
  });

  it.each([
    [{ type: "string" }, "Vimy"],
    [{ type: "int", min: 0 }, 4261],
    [{ type: "float", min: 0 }, 11.3],
    [{ type: "date" }, 2024],
    [{ type: "date" }, "2024-09"],
    [enums.allyKind, "cooperative"],
    [{ type: "strings" }, ["ExtraCité"]],
    [{ type: "url" }, "https://example.org/page"],
    [{ type: "location" }, { latitude: 50.37, longitude: 2.81 }],
  ] as const)("%j accepts %j", (type, value) => {
    expect(checkValue(value, type as never)).toBeUndefined();
  });
});
