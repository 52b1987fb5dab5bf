require("arun:test").test("c", () => {});
