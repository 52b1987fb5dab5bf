process.env.DEBUG = "app:*";
const debug = require("debug");
debug.log = (...args) => console.log(...args.map((a) => String(a).replace(/\+\d+ms/, "+Nms").replace(/^\S+Z /, "")));
const log = debug("app:main");
log("hello %s %d", "world", 42);
console.log(log.enabled, debug("other").enabled, typeof debug.humanize);
