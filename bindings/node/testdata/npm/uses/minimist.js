console.log(JSON.stringify(require("minimist")(["-x", "3", "-y4", "--name=arun", "--no-color", "a", "b", "--", "-c"])));
