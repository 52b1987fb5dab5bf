const chalk = require("chalk");
console.log(JSON.stringify(chalk.red("x")), chalk.level, JSON.stringify(new chalk.Instance({ level: 1 }).bold.green("ok")));
