// path: posix and win32, the same calls under arun and node.
const path = require("path");
const { posix, win32 } = path;
console.log(path === posix, require("node:path") === path, require("path/posix") === posix, require("path/win32") === win32);
console.log(posix.sep, posix.delimiter, win32.sep, win32.delimiter);
const inputs = ["", ".", "..", "/", "//", "///a", "a", "a/", "/a/b/", "a/b/../c", "./a/./b", "../../a", "/..", "/a/..",
  "a//b", "a/b/c/../../..", "/foo/bar/baz/asdf/quux.html", "file.tar.gz", ".bashrc", "..bashrc", "a.", "a..", "/a/b.c/d",
  "C:\\", "C:", "C:\\foo\\bar.txt", "C:foo", "\\\\server\\share", "\\\\server\\share\\dir\\f.txt", "\\foo\\..\\bar",
  "c:/a/b/../c", "\\\\?\\C:\\x", "//server/share/x", "a\\b/c"];
for (const [name, p] of [["posix", posix], ["win32", win32]]) {
  for (const s of inputs) {
    console.log(name, JSON.stringify(s), JSON.stringify([p.normalize(s), p.dirname(s), p.basename(s), p.extname(s),
      p.isAbsolute(s), p.basename(s, ".html"), p.basename(s, "b")]));
    console.log(" parse", JSON.stringify(p.parse(s)), JSON.stringify(p.format(p.parse(s))));
  }
}
const joins = [[], [""], ["a", "b"], ["/a", "/b"], ["a", "", "b"], ["a", "..", "..", "b"], ["/", "..", "a"],
  ["\\\\server", "share"], ["//", "a"], ["C:", "a"], ["a/", "/b/"]];
for (const args of joins) console.log("join", JSON.stringify(args), JSON.stringify([posix.join(...args), win32.join(...args)]));
const resolves = [["/a/b", "c"], ["/a/b", "/c", "d"], ["/a", "..", "..", "b"], ["/x/", "./y/"], ["C:\\a", "b"],
  ["C:\\a", "D:\\b", "c"], ["\\\\s\\sh", "x"], ["c:/ignore", "c:/some/file"]];
// the working directory is the checkout's: shown as <cwd>
const rel = (p) => p.split(process.cwd()).join("<cwd>");
for (const args of resolves) console.log("resolve", JSON.stringify(args), JSON.stringify([rel(posix.resolve(...args)), win32.resolve(...args)]));
console.log(posix.resolve("x") === posix.join(process.cwd(), "x"), posix.resolve() === process.cwd());
const rels = [["/a/b/c", "/a/d"], ["/a/b", "/a/b/c/d"], ["/a", "/a"], ["/", "/a"], ["/a", "/"], ["/foo/bar", "/foo/barbaz"],
  ["C:\\orandea\\test\\aaa", "C:\\orandea\\impl\\bbb"], ["C:\\a", "D:\\b"], ["c:\\A\\b", "C:\\a\\B\\c"], ["\\\\s\\sh\\a", "\\\\s\\sh\\b"]];
for (const [a, b] of rels) console.log("relative", a, b, JSON.stringify([posix.relative(a, b), win32.relative(a, b)]));
console.log(posix.format({ root: "/", dir: "/home/u", base: "f.txt" }), posix.format({ name: "f", ext: "txt" }),
  posix.format({ root: "/", name: "f", ext: ".e" }), win32.format({ dir: "C:\\d", base: "f" }));
console.log(win32.toNamespacedPath("C:\\a\\b"), win32.toNamespacedPath("\\\\s\\sh\\x"), posix.toNamespacedPath("/a"));
for (const bad of [1, null, undefined, {}]) {
  try { posix.join("a", bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { posix.basename("a", 1); } catch (e) { console.log(e.code, e.message); }

// Output:
// true true true true
// / : \ ;
// posix "" [".",".","","",false,"",""]
//  parse {"root":"","dir":"","base":"","ext":"","name":""} ""
// posix "." [".",".",".","",false,".","."]
//  parse {"root":"","dir":"","base":".","ext":"","name":"."} "."
// posix ".." ["..",".","..","",false,"..",".."]
//  parse {"root":"","dir":"","base":"..","ext":"","name":".."} ".."
// posix "/" ["/","/","","",true,"","/"]
//  parse {"root":"/","dir":"/","base":"","ext":"","name":""} "/"
// posix "//" ["/","/","","",true,"","//"]
//  parse {"root":"/","dir":"/","base":"","ext":"","name":""} "/"
// posix "///a" ["/a","//","a","",true,"a","a"]
//  parse {"root":"/","dir":"//","base":"a","ext":"","name":"a"} "///a"
// posix "a" ["a",".","a","",false,"a","a"]
//  parse {"root":"","dir":"","base":"a","ext":"","name":"a"} "a"
// posix "a/" ["a/",".","a","",false,"a","a"]
//  parse {"root":"","dir":"","base":"a","ext":"","name":"a"} "a"
// posix "/a/b/" ["/a/b/","/a","b","",true,"b","b"]
//  parse {"root":"/","dir":"/a","base":"b","ext":"","name":"b"} "/a/b"
// posix "a/b/../c" ["a/c","a/b/..","c","",false,"c","c"]
//  parse {"root":"","dir":"a/b/..","base":"c","ext":"","name":"c"} "a/b/../c"
// posix "./a/./b" ["a/b","./a/.","b","",false,"b","b"]
//  parse {"root":"","dir":"./a/.","base":"b","ext":"","name":"b"} "./a/./b"
// posix "../../a" ["../../a","../..","a","",false,"a","a"]
//  parse {"root":"","dir":"../..","base":"a","ext":"","name":"a"} "../../a"
// posix "/.." ["/","/","..","",true,"..",".."]
//  parse {"root":"/","dir":"/","base":"..","ext":".","name":"."} "/.."
// posix "/a/.." ["/","/a","..","",true,"..",".."]
//  parse {"root":"/","dir":"/a","base":"..","ext":"","name":".."} "/a/.."
// posix "a//b" ["a/b","a/","b","",false,"b","b"]
//  parse {"root":"","dir":"a/","base":"b","ext":"","name":"b"} "a//b"
// posix "a/b/c/../../.." [".","a/b/c/../..","..","",false,"..",".."]
//  parse {"root":"","dir":"a/b/c/../..","base":"..","ext":"","name":".."} "a/b/c/../../.."
// posix "/foo/bar/baz/asdf/quux.html" ["/foo/bar/baz/asdf/quux.html","/foo/bar/baz/asdf","quux.html",".html",true,"quux","quux.html"]
//  parse {"root":"/","dir":"/foo/bar/baz/asdf","base":"quux.html","ext":".html","name":"quux"} "/foo/bar/baz/asdf/quux.html"
// posix "file.tar.gz" ["file.tar.gz",".","file.tar.gz",".gz",false,"file.tar.gz","file.tar.gz"]
//  parse {"root":"","dir":"","base":"file.tar.gz","ext":".gz","name":"file.tar"} "file.tar.gz"
// posix ".bashrc" [".bashrc",".",".bashrc","",false,".bashrc",".bashrc"]
//  parse {"root":"","dir":"","base":".bashrc","ext":"","name":".bashrc"} ".bashrc"
// posix "..bashrc" ["..bashrc",".","..bashrc",".bashrc",false,"..bashrc","..bashrc"]
//  parse {"root":"","dir":"","base":"..bashrc","ext":".bashrc","name":"."} "..bashrc"
// posix "a." ["a.",".","a.",".",false,"a.","a."]
//  parse {"root":"","dir":"","base":"a.","ext":".","name":"a"} "a."
// posix "a.." ["a..",".","a..",".",false,"a..","a.."]
//  parse {"root":"","dir":"","base":"a..","ext":".","name":"a."} "a.."
// posix "/a/b.c/d" ["/a/b.c/d","/a/b.c","d","",true,"d","d"]
//  parse {"root":"/","dir":"/a/b.c","base":"d","ext":"","name":"d"} "/a/b.c/d"
// posix "C:\\" ["C:\\",".","C:\\","",false,"C:\\","C:\\"]
//  parse {"root":"","dir":"","base":"C:\\","ext":"","name":"C:\\"} "C:\\"
// posix "C:" ["C:",".","C:","",false,"C:","C:"]
//  parse {"root":"","dir":"","base":"C:","ext":"","name":"C:"} "C:"
// posix "C:\\foo\\bar.txt" ["C:\\foo\\bar.txt",".","C:\\foo\\bar.txt",".txt",false,"C:\\foo\\bar.txt","C:\\foo\\bar.txt"]
//  parse {"root":"","dir":"","base":"C:\\foo\\bar.txt","ext":".txt","name":"C:\\foo\\bar"} "C:\\foo\\bar.txt"
// posix "C:foo" ["C:foo",".","C:foo","",false,"C:foo","C:foo"]
//  parse {"root":"","dir":"","base":"C:foo","ext":"","name":"C:foo"} "C:foo"
// posix "\\\\server\\share" ["\\\\server\\share",".","\\\\server\\share","",false,"\\\\server\\share","\\\\server\\share"]
//  parse {"root":"","dir":"","base":"\\\\server\\share","ext":"","name":"\\\\server\\share"} "\\\\server\\share"
// posix "\\\\server\\share\\dir\\f.txt" ["\\\\server\\share\\dir\\f.txt",".","\\\\server\\share\\dir\\f.txt",".txt",false,"\\\\server\\share\\dir\\f.txt","\\\\server\\share\\dir\\f.txt"]
//  parse {"root":"","dir":"","base":"\\\\server\\share\\dir\\f.txt","ext":".txt","name":"\\\\server\\share\\dir\\f"} "\\\\server\\share\\dir\\f.txt"
// posix "\\foo\\..\\bar" ["\\foo\\..\\bar",".","\\foo\\..\\bar",".\\bar",false,"\\foo\\..\\bar","\\foo\\..\\bar"]
//  parse {"root":"","dir":"","base":"\\foo\\..\\bar","ext":".\\bar","name":"\\foo\\."} "\\foo\\..\\bar"
// posix "c:/a/b/../c" ["c:/a/c","c:/a/b/..","c","",false,"c","c"]
//  parse {"root":"","dir":"c:/a/b/..","base":"c","ext":"","name":"c"} "c:/a/b/../c"
// posix "\\\\?\\C:\\x" ["\\\\?\\C:\\x",".","\\\\?\\C:\\x","",false,"\\\\?\\C:\\x","\\\\?\\C:\\x"]
//  parse {"root":"","dir":"","base":"\\\\?\\C:\\x","ext":"","name":"\\\\?\\C:\\x"} "\\\\?\\C:\\x"
// posix "//server/share/x" ["/server/share/x","//server/share","x","",true,"x","x"]
//  parse {"root":"/","dir":"//server/share","base":"x","ext":"","name":"x"} "//server/share/x"
// posix "a\\b/c" ["a\\b/c","a\\b","c","",false,"c","c"]
//  parse {"root":"","dir":"a\\b","base":"c","ext":"","name":"c"} "a\\b/c"
// win32 "" [".",".","","",false,"",""]
//  parse {"root":"","dir":"","base":"","ext":"","name":""} ""
// win32 "." [".",".",".","",false,".","."]
//  parse {"root":"","dir":"","base":".","ext":"","name":"."} "."
// win32 ".." ["..",".","..","",false,"..",".."]
//  parse {"root":"","dir":"","base":"..","ext":"","name":".."} ".."
// win32 "/" ["\\","/","","",true,"","/"]
//  parse {"root":"/","dir":"/","base":"","ext":"","name":""} "/"
// win32 "//" ["\\","/","","",true,"","//"]
//  parse {"root":"/","dir":"/","base":"","ext":"","name":""} "/"
// win32 "///a" ["\\a","//","a","",true,"a","a"]
//  parse {"root":"/","dir":"//","base":"a","ext":"","name":"a"} "//\\a"
// win32 "a" ["a",".","a","",false,"a","a"]
//  parse {"root":"","dir":"","base":"a","ext":"","name":"a"} "a"
// win32 "a/" ["a\\",".","a","",false,"a","a"]
//  parse {"root":"","dir":"","base":"a","ext":"","name":"a"} "a"
// win32 "/a/b/" ["\\a\\b\\","/a","b","",true,"b","b"]
//  parse {"root":"/","dir":"/a","base":"b","ext":"","name":"b"} "/a\\b"
// win32 "a/b/../c" ["a\\c","a/b/..","c","",false,"c","c"]
//  parse {"root":"","dir":"a/b/..","base":"c","ext":"","name":"c"} "a/b/..\\c"
// win32 "./a/./b" ["a\\b","./a/.","b","",false,"b","b"]
//  parse {"root":"","dir":"./a/.","base":"b","ext":"","name":"b"} "./a/.\\b"
// win32 "../../a" ["..\\..\\a","../..","a","",false,"a","a"]
//  parse {"root":"","dir":"../..","base":"a","ext":"","name":"a"} "../..\\a"
// win32 "/.." ["\\","/","..","",true,"..",".."]
//  parse {"root":"/","dir":"/","base":"..","ext":"","name":".."} "/.."
// win32 "/a/.." ["\\","/a","..","",true,"..",".."]
//  parse {"root":"/","dir":"/a","base":"..","ext":"","name":".."} "/a\\.."
// win32 "a//b" ["a\\b","a/","b","",false,"b","b"]
//  parse {"root":"","dir":"a/","base":"b","ext":"","name":"b"} "a/\\b"
// win32 "a/b/c/../../.." [".","a/b/c/../..","..","",false,"..",".."]
//  parse {"root":"","dir":"a/b/c/../..","base":"..","ext":"","name":".."} "a/b/c/../..\\.."
// win32 "/foo/bar/baz/asdf/quux.html" ["\\foo\\bar\\baz\\asdf\\quux.html","/foo/bar/baz/asdf","quux.html",".html",true,"quux","quux.html"]
//  parse {"root":"/","dir":"/foo/bar/baz/asdf","base":"quux.html","ext":".html","name":"quux"} "/foo/bar/baz/asdf\\quux.html"
// win32 "file.tar.gz" ["file.tar.gz",".","file.tar.gz",".gz",false,"file.tar.gz","file.tar.gz"]
//  parse {"root":"","dir":"","base":"file.tar.gz","ext":".gz","name":"file.tar"} "file.tar.gz"
// win32 ".bashrc" [".bashrc",".",".bashrc","",false,".bashrc",".bashrc"]
//  parse {"root":"","dir":"","base":".bashrc","ext":"","name":".bashrc"} ".bashrc"
// win32 "..bashrc" ["..bashrc",".","..bashrc",".bashrc",false,"..bashrc","..bashrc"]
//  parse {"root":"","dir":"","base":"..bashrc","ext":".bashrc","name":"."} "..bashrc"
// win32 "a." ["a.",".","a.",".",false,"a.","a."]
//  parse {"root":"","dir":"","base":"a.","ext":".","name":"a"} "a."
// win32 "a.." ["a..",".","a..",".",false,"a..","a.."]
//  parse {"root":"","dir":"","base":"a..","ext":".","name":"a."} "a.."
// win32 "/a/b.c/d" ["\\a\\b.c\\d","/a/b.c","d","",true,"d","d"]
//  parse {"root":"/","dir":"/a/b.c","base":"d","ext":"","name":"d"} "/a/b.c\\d"
// win32 "C:\\" ["C:\\","C:\\","","",true,"","\\"]
//  parse {"root":"C:\\","dir":"C:\\","base":"","ext":"","name":""} "C:\\"
// win32 "C:" ["C:.","C:","","",false,"",""]
//  parse {"root":"C:","dir":"C:","base":"","ext":"","name":""} "C:"
// win32 "C:\\foo\\bar.txt" ["C:\\foo\\bar.txt","C:\\foo","bar.txt",".txt",true,"bar.txt","bar.txt"]
//  parse {"root":"C:\\","dir":"C:\\foo","base":"bar.txt","ext":".txt","name":"bar"} "C:\\foo\\bar.txt"
// win32 "C:foo" ["C:foo","C:","foo","",false,"foo","foo"]
//  parse {"root":"C:","dir":"C:","base":"foo","ext":"","name":"foo"} "C:foo"
// win32 "\\\\server\\share" ["\\\\server\\share\\","\\\\server\\share","share","",true,"share","share"]
//  parse {"root":"\\\\server\\share","dir":"\\\\server\\share","base":"","ext":"","name":""} "\\\\server\\share"
// win32 "\\\\server\\share\\dir\\f.txt" ["\\\\server\\share\\dir\\f.txt","\\\\server\\share\\dir","f.txt",".txt",true,"f.txt","f.txt"]
//  parse {"root":"\\\\server\\share\\","dir":"\\\\server\\share\\dir","base":"f.txt","ext":".txt","name":"f"} "\\\\server\\share\\dir\\f.txt"
// win32 "\\foo\\..\\bar" ["\\bar","\\foo\\..","bar","",true,"bar","bar"]
//  parse {"root":"\\","dir":"\\foo\\..","base":"bar","ext":"","name":"bar"} "\\foo\\..\\bar"
// win32 "c:/a/b/../c" ["c:\\a\\c","c:/a/b/..","c","",true,"c","c"]
//  parse {"root":"c:/","dir":"c:/a/b/..","base":"c","ext":"","name":"c"} "c:/a/b/..\\c"
// win32 "\\\\?\\C:\\x" ["\\\\?\\C:\\x","\\\\?\\C:\\","x","",true,"x","x"]
//  parse {"root":"\\\\?\\C:\\","dir":"\\\\?\\C:\\","base":"x","ext":"","name":"x"} "\\\\?\\C:\\x"
// win32 "//server/share/x" ["\\\\server\\share\\x","//server/share/","x","",true,"x","x"]
//  parse {"root":"//server/share/","dir":"//server/share/","base":"x","ext":"","name":"x"} "//server/share/x"
// win32 "a\\b/c" ["a\\b\\c","a\\b","c","",false,"c","c"]
//  parse {"root":"","dir":"a\\b","base":"c","ext":"","name":"c"} "a\\b\\c"
// join [] [".","."]
// join [""] [".","."]
// join ["a","b"] ["a/b","a\\b"]
// join ["/a","/b"] ["/a/b","\\a\\b"]
// join ["a","","b"] ["a/b","a\\b"]
// join ["a","..","..","b"] ["../b","..\\b"]
// join ["/","..","a"] ["/a","\\a"]
// join ["\\\\server","share"] ["\\\\server/share","\\\\server\\share\\"]
// join ["//","a"] ["/a","\\a"]
// join ["C:","a"] ["C:/a","C:\\a"]
// join ["a/","/b/"] ["a/b/","a\\b\\"]
// resolve ["/a/b","c"] ["/a/b/c","\\a\\b\\c"]
// resolve ["/a/b","/c","d"] ["/c/d","\\c\\d"]
// resolve ["/a","..","..","b"] ["/b","\\b"]
// resolve ["/x/","./y/"] ["/x/y","\\x\\y"]
// resolve ["C:\\a","b"] ["<cwd>/C:\\a/b","C:\\a\\b"]
// resolve ["C:\\a","D:\\b","c"] ["<cwd>/C:\\a/D:\\b/c","D:\\b\\c"]
// resolve ["\\\\s\\sh","x"] ["<cwd>/\\\\s\\sh/x","\\\\s\\sh\\x"]
// resolve ["c:/ignore","c:/some/file"] ["<cwd>/c:/ignore/c:/some/file","c:\\some\\file"]
// true true
// relative /a/b/c /a/d ["../../d","..\\..\\d"]
// relative /a/b /a/b/c/d ["c/d","c\\d"]
// relative /a /a ["",""]
// relative / /a ["a","a"]
// relative /a / ["..",".."]
// relative /foo/bar /foo/barbaz ["../barbaz","..\\barbaz"]
// relative C:\orandea\test\aaa C:\orandea\impl\bbb ["../C:\\orandea\\impl\\bbb","..\\..\\impl\\bbb"]
// relative C:\a D:\b ["../D:\\b","D:\\b"]
// relative c:\A\b C:\a\B\c ["../C:\\a\\B\\c","c"]
// relative \\s\sh\a \\s\sh\b ["../\\\\s\\sh\\b","..\\b"]
// /home/u/f.txt f.txt /f.e C:\d\f
// \\?\C:\a\b \\?\UNC\s\sh\x /a
// TypeError ERR_INVALID_ARG_TYPE The "path" argument must be of type string. Received type number (1)
// TypeError ERR_INVALID_ARG_TYPE The "path" argument must be of type string. Received null
// TypeError ERR_INVALID_ARG_TYPE The "path" argument must be of type string. Received undefined
// TypeError ERR_INVALID_ARG_TYPE The "path" argument must be of type string. Received an instance of Object
// ERR_INVALID_ARG_TYPE The "suffix" argument must be of type string. Received type number (1)
