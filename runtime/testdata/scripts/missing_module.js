// Missing modules are reported with Node's messages and codes, and a
// require inside try/catch can be caught (optional dependencies).
for (const name of ["node:nosuch", "nosuch-pkg", "./nosuch-file"]) {
  try {
    require(name);
  } catch (e) {
    console.log(e.code, e.message);
  }
}

// Output:
// ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:nosuch
// MODULE_NOT_FOUND Cannot find module 'nosuch-pkg'
// MODULE_NOT_FOUND Cannot find module './nosuch-file'
