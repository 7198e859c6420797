/** The site's whole stylesheet: small enough to inline, mobile first, RTL by logical properties. */
export const SITE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#555;--line:#ddd;--accent:#9b1c1c;--band:#f4f1ea;--focus:#0b57d0;--mark:#ffe58a}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ececec;--muted:#b3b3b3;--line:#333;--accent:#ff8a80;--band:#1e1e1e;--focus:#8ab4f8;--mark:#5c4800}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.8 system-ui,"Segoe UI","Noto Sans Arabic","Geeza Pro",Tahoma,Arial,sans-serif;overflow-wrap:break-word}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;inset-inline-start:.5rem;top:-4rem;background:var(--fg);color:var(--bg);padding:.5rem 1rem;z-index:1}
.skip:focus{top:.5rem}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
.site{border-bottom:3px solid var(--accent);background:var(--band)}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1rem;padding-block:.6rem}
.brand{font:700 1.5rem/1.3 "Noto Naskh Arabic","Geeza Pro","Traditional Arabic",serif;color:var(--fg);text-decoration:none}
.temp{margin:0;font-size:.95rem;color:var(--muted);min-height:1.8em;white-space:nowrap}
.temp b{display:inline-block;min-width:4.5em;text-align:center;font-weight:700;color:var(--fg);direction:ltr;unicode-bidi:isolate}
.search{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;flex:1 1 14rem;max-width:24rem;margin:0}
.search input{flex:1 1 8rem;min-width:0;font:inherit;font-size:.95rem;padding:.2rem .5rem;border:1px solid var(--muted);border-radius:.25rem;background:var(--bg);color:var(--fg)}
.search button{font:inherit;font-size:.95rem;padding:.2rem .75rem;border:0;border-radius:.25rem;background:var(--accent);color:var(--bg);cursor:pointer}
main .search{max-width:none;margin-block:.5rem 1rem}
main .search label{flex-basis:100%;font-weight:600}
mark{background:var(--mark);color:inherit}
.top-news{border-bottom:1px solid var(--line)}
.top-news h2{font-size:1rem;margin:.75rem 0 .25rem}
.top-news ul{margin:0 0 .75rem;padding-inline-start:1.2rem}
main{display:block;padding-block:1rem 2rem}
h1{font:700 1.75rem/1.45 "Noto Naskh Arabic","Geeza Pro","Traditional Arabic",serif;margin:.5rem 0}
.meta{color:var(--muted);font-size:.95rem;margin:0 0 1rem}
figure{margin:0 0 1.25rem}
figure img,.body img{display:block;max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.35rem}
.body h2,.body h3,.body h4{line-height:1.5;margin:1.5rem 0 .5rem}
.body blockquote{margin:1rem 0;padding:.25rem 1rem;border-inline-start:4px solid var(--line);color:var(--muted)}
.body pre{overflow-x:auto;background:var(--band);padding:.75rem;text-align:left;line-height:1.5}
.body code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;min-width:50%}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:start}
.al-l{text-align:left}.al-c{text-align:center}.al-r{text-align:right}
.byline,.source{margin:.25rem 0;font-weight:600}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tags li{background:var(--band);border:1px solid var(--line);border-radius:1rem;padding:0 .75rem;font-size:.9rem}
.tags a{display:inline-block}
.list{list-style:none;padding:0;margin:0}
.list li{border-bottom:1px solid var(--line);padding:.75rem 0}
.list h2{margin:0;font-size:1.2rem;line-height:1.5}
.list p{margin:.25rem 0 0;color:var(--muted)}
.pager{display:flex;gap:1rem;margin-top:1.5rem}
.pager a{padding:.5rem 0}
.pager a[rel=next]{margin-inline-start:auto}
.related{border-top:1px solid var(--line);margin-top:2rem}
.related h2{font-size:1.2rem}
.related ul{padding-inline-start:1.2rem}
.related li{margin-bottom:.5rem}
.related time{display:block;color:var(--muted);font-size:.9rem}
.site-footer{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding-block:1rem 2rem}
.site-footer a{white-space:nowrap}
@media (min-width:48rem){h1{font-size:2.1rem}.brand{font-size:1.75rem}}
@media print{.site .temp,.search,.search-link,.top-news,.skip,.site-footer,.pager{display:none}body{background:#fff;color:#000;font-size:12pt}a{color:#000;text-decoration:none}.body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}}
`.trim();
