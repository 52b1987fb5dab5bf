test(() => {}, "defined before the throw");
throw new Error("boom at load");
