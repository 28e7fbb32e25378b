import { describe, expect, it } from "vitest";
import { toLuceneQuery } from "../../server/graphql/resolvers/lucene-query.ts";

describe("toLuceneQuery", () => {
  it("folds accents and case, and requires every word", () => {
    expect(toLuceneQuery("Extracités")).toBe("(extracites^3 OR extracites*^2 OR extracites~1)");
    expect(toLuceneQuery("bien fait")).toBe("(bien^3 OR bien*^2 OR bien~1) AND (fait^3 OR fait*^2 OR fait~1)");
  });

  it("cannot be used to inject Lucene syntax", () => {
    expect(toLuceneQuery('a:b OR "x" AND (y* ~2')).toBe("(b^3 OR b*^2) AND (x^3 OR x*^2) AND (y^3 OR y*^2) AND (2^3 OR 2*^2)");
    expect(toLuceneQuery("   ")).toBeUndefined();
    expect(toLuceneQuery("the")).toBeUndefined();
  });
});
