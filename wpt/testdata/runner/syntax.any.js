test(() => {}, "x");
let = = 1;
