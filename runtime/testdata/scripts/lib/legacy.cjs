exports.kind = "commonjs";
exports.twice = (x) => x * 2;
