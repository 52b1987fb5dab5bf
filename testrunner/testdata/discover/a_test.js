require("arun:test").test("a", () => {});
