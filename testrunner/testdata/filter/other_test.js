const { test } = require("arun:test");
test("other", () => {});
