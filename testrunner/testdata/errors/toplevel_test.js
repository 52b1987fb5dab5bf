import { test } from "arun:test";
test("declared", () => {});
throw new Error("top level broke");
