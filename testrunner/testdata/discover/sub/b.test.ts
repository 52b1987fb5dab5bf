require("arun:test").test("b", () => {});
