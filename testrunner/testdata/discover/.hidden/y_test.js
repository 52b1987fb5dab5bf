throw new Error("in a dot dir");
