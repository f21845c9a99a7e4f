console.log("weft test asset app-abc123");
