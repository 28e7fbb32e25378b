import { describe, expect, it } from "vitest";
import { JsonText, stringifyResult } from "../../server/graphql/json-text.ts";

describe("stringifyResult", () => {
  it("writes each JsonText's text in place, and the rest as JSON.stringify does, with Apollo's closing newline", () => {
    const value = { data: { a: [new JsonText('{"x":1.5,"y":[true,null]}'), new JsonText("[]")], b: "é\n", c: null } };
    const text = stringifyResult(value);
    expect(text).toBe('{"data":{"a":[{"x":1.5,"y":[true,null]},[]],"b":"é\\n","c":null}}\n');
    expect(JSON.parse(text)).toEqual({ data: { a: [{ x: 1.5, y: [true, null] }, []], b: "é\n", c: null } });
  });

  it("leaves alone a string of the answer that holds a control character and a colon, as its markers do", () => {
    const value = { data: { name: "\u0000abc:0", other: new JsonText("1") } };
    expect(JSON.parse(stringifyResult(value))).toEqual({ data: { name: "\u0000abc:0", other: 1 } });
  });

  it("serialises a JsonText anywhere else as its parsed value", () => {
    expect(JSON.stringify({ a: new JsonText('{"k":"v"}') })).toBe('{"a":{"k":"v"}}');
    expect(stringifyResult({ a: 1 })).toBe('{"a":1}\n');
    expect(JSON.stringify([new JsonText("2")])).toBe("[2]"); // after a stringifyResult, plain again
  });
});
