/**
 * The site's whole stylesheet: small enough to inline, mobile first, RTL by logical properties. One column on a
 * phone; from 64rem a 75rem grid (the front page's two thirds and one third); the article text stays 44rem.
 * The `sizes` of every photo (FIT in teaser.tsx) follow these widths: change both together.
 */
export const SITE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#161616;--muted:#5a5a5a;--line:#e2dfd8;--accent:#b0101c;--band:#f5f3ef;--bar:#161616;--red:#b0101c;--focus:#0b57d0;--mark:#ffe58a;--serif:"Noto Naskh Arabic","Geeza Pro","Traditional Arabic",serif}
@media (prefers-color-scheme:dark){:root{--bg:#111214;--fg:#ececec;--muted:#a8a8a8;--line:#2f3034;--accent:#ff8a80;--band:#1c1d20;--bar:#000;--focus:#8ab4f8;--mark:#5c4800}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{display:flex;flex-direction:column;min-height:100vh;margin:0;background:var(--bg);color:var(--fg);font:1rem/1.75 system-ui,"Segoe UI","Noto Sans Arabic","Geeza Pro",Tahoma,Arial,sans-serif;overflow-wrap:break-word}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;inset-inline-start:.5rem;top:-4rem;background:var(--fg);color:var(--bg);padding:.5rem 1rem;z-index:2}
.skip:focus{top:.5rem}
.wrap{max-width:75rem;margin:0 auto;padding:0 1rem}
h1,h2,h3{font-family:var(--serif);line-height:1.45}
h1{font-size:1.7rem;margin:.5rem 0}
.mast{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.4rem 2rem;padding-block:.7rem}
.brand{font:700 1.7rem/1.3 var(--serif);color:var(--fg);text-decoration:none}
.dateline{margin:0;font-size:.85rem;color:var(--muted)}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;flex:1 1 20rem;max-width:34rem}
.temp{margin:0;font-size:.9rem;color:var(--muted);min-height:1.8em;white-space:nowrap}
.temp b{display:inline-block;min-width:4.5em;text-align:center;font-weight:700;color:var(--fg);direction:ltr;unicode-bidi:isolate}
.search{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;flex:1 1 12rem;margin:0}
.search input{flex:1 1 8rem;min-width:0;font:inherit;font-size:.95rem;padding:.25rem .6rem;border:1px solid var(--muted);border-radius:.25rem;background:var(--bg);color:var(--fg)}
.search button{min-width:4.5em;align-self:stretch;font:inherit;font-size:.95rem;font-weight:600;padding:.25rem .9rem;border:0;border-radius:.25rem;background:var(--red);color:#fff;cursor:pointer}
.search-link{font-weight:600}
main .search{margin-block:.5rem 1rem}
main .search label{flex-basis:100%;font-weight:600}
mark{background:var(--mark);color:var(--fg)}
.sections{background:var(--bar);border-bottom:3px solid var(--red)}
.sections ul,.top-news ul{display:flex;list-style:none;margin:0 auto;overflow-x:auto;scrollbar-width:none}
.sections a{display:block;padding:.55rem .9rem;color:#fff;font-weight:600;white-space:nowrap;text-decoration:none}
.sections a:hover{text-decoration:underline}
.sections a[aria-current]{background:var(--red)}
.sections a:focus-visible,.breaking a:focus-visible{outline-color:#fff;outline-offset:-4px}
.breaking{background:var(--red);color:#fff}
.breaking a{display:block;padding-block:.55rem;color:#fff;font-weight:600;text-decoration:none}
.breaking a:hover span{text-decoration:underline}
.breaking strong{background:#fff;color:#b0101c;padding:.05rem .55rem;border-radius:.2rem;margin-inline-end:.4rem}
.breaking time{margin-inline-end:.4rem;font-weight:400}
.top-news{background:var(--band);border-bottom:1px solid var(--line)}
.top-news .wrap{display:flex;align-items:center}
.top-news h2{flex:none;margin:0;padding-inline-end:.75rem;font-size:1rem;color:var(--accent)}
.top-news ul{padding:0}
.top-news li{flex:0 0 14rem;padding:.55rem .75rem;border-inline-start:1px solid var(--line)}
.top-news a{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;color:var(--fg);font-size:.9rem;font-weight:600;line-height:1.55;text-decoration:none}
.top-news a:hover{color:var(--accent)}
main.wrap{display:block;flex:1 0 auto;width:100%;padding-block:1.25rem 2.5rem}
.bar{position:relative;margin:0 0 .25rem;padding-bottom:.3rem;border-bottom:1px solid var(--line);font-size:1.25rem}
.bar::after,.list-head::after{content:"";position:absolute;inset-inline-start:0;bottom:-1px;width:2.5rem;height:3px;background:var(--red)}
.bar a{color:var(--fg);text-decoration:none}
.bar a::after{content:" ‹";color:var(--accent)}
.rows{list-style:none;margin:0;padding:0}
.row,.card,.lead{position:relative}
.row{display:flex;gap:.8rem;padding-block:.8rem;border-bottom:1px solid var(--line)}
.rows>:last-child{border-bottom:0}
.row .ph,.cards .ph{flex:0 0 7rem;align-self:flex-start}
.tx{flex:1;min-width:0}
.ph{position:relative;aspect-ratio:3/2;overflow:hidden;background:var(--band);border-radius:.2rem}
.ph img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover}
.lead .ph{aspect-ratio:16/9}
.tx h2,.tx h3{margin:0;font-size:1.05rem;line-height:1.6}
.tx a{color:var(--fg);text-decoration:none}
.tx a:hover{color:var(--accent);text-decoration:underline}
.tx a::after{content:"";position:absolute;inset:0}
.tx a:focus-visible{outline:0}
.tx a:focus-visible::after{outline:3px solid var(--focus);outline-offset:2px}
.tx time{display:block;margin-top:.2rem;color:var(--muted);font-size:.8rem}
.kicker{display:block;margin:0;color:var(--accent);font:700 .85rem/1.6 system-ui,"Segoe UI","Noto Sans Arabic",Tahoma,sans-serif}
.sum{margin:.3rem 0 0;color:var(--muted);font-size:.95rem;line-height:1.7}
.row .sum{display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.lead .tx,.card .tx{padding-top:.6rem}
.lead h2{font-size:1.6rem;line-height:1.45}
.lead .sum{color:var(--fg);font-size:1.05rem}
.card h3{font-size:1.15rem}
.sec .card{padding-bottom:.8rem;border-bottom:1px solid var(--line)}
.np.lead,.np.card{padding:1rem;background:var(--band);border-top:3px solid var(--red)}
.np .tx{padding:0}
.front,.secs{display:grid;gap:2rem}
.front>*,.secs>*{min-width:0}
.pager{display:flex;gap:1rem;margin-top:1.25rem}
.pager a{padding:.4rem 1.25rem;border:1px solid var(--line);border-radius:2rem;font-weight:600;text-decoration:none}
.pager a:hover{background:var(--band)}
.pager a[rel=next]{margin-inline-start:auto}
.list-head{position:relative;margin-bottom:.5rem;border-bottom:1px solid var(--line)}
.list-head h1 .kicker{font-size:.95rem}
.list-head p{margin:0 0 .5rem;color:var(--muted)}
.hero{padding-block:.5rem 1rem;border-bottom:1px solid var(--line)}
.story,.related{max-width:44rem;margin-inline:auto}
.story h1{font-size:1.85rem;margin-top:.25rem}
.story .kicker{display:flex;flex-wrap:wrap;gap:.6rem}
.story .kicker a{text-decoration:none}
.story .kicker a+a{padding-inline-start:.6rem;border-inline-start:1px solid var(--line);color:var(--muted)}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .75rem}
.rt{display:block}
.share{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0 0 1.25rem;padding:0}
.share a{display:flex;align-items:center;justify-content:center;width:2.5rem;height:2.5rem;border:1px solid var(--line);border-radius:50%;color:var(--fg)}
.share a:hover{background:var(--fg);color:var(--bg)}
.share svg{fill:currentColor}
figure{margin:0 0 1.25rem}
figure img,.body img{display:block;max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.35rem}
.body{font-size:1.125rem;line-height:1.9}
.body h2,.body h3,.body h4{line-height:1.5;margin:1.5rem 0 .5rem}
.body blockquote{margin:1rem 0;padding:.25rem 1rem;border-inline-start:4px solid var(--red);color:var(--muted)}
.body pre{overflow-x:auto;background:var(--band);padding:.75rem;text-align:left;line-height:1.5}
.body code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;min-width:50%}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:start}
.al-l{text-align:left}.al-c{text-align:center}.al-r{text-align:right}
.byline,.source{margin:.25rem 0;font-weight:600}
.byline span,.role,.in{margin:0;color:var(--muted);font-weight:400}
.tags,.links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tags li,.links li{background:var(--band);border:1px solid var(--line);border-radius:1rem;padding:0 .75rem;font-size:.9rem}
.live{display:inline-block;margin-inline-end:.4rem;padding:0 .4rem;border-radius:.2rem;background:var(--red);color:#fff;font:700 .75rem/1.7 system-ui;vertical-align:.15em}
.lv{margin:.5rem 0 0;color:var(--muted);font-size:.9rem}
.upd{position:relative;padding-inline-start:1.1rem;padding-bottom:1.5rem;border-inline-start:2px solid var(--line)}
.upd::before{content:"";position:absolute;inset-inline-start:-.45rem;top:.55rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--red)}
.upd-t{font-weight:700;text-decoration:none}
.upd h2{margin:0 0 .25rem;font-size:1.3rem}
.upd .body>:first-child{margin-top:0}
.upd .body>:last-child{margin-bottom:0}
.fix{margin:1.5rem 0;padding:.5rem 1rem;background:var(--band);border-inline-start:4px solid var(--red)}
.fix h2{margin:0;font-size:1.1rem}
.fix p,.fixes p{margin:.3rem 0}
.fix time,.fixes time{font-weight:700}
.fixes li{padding-block:.8rem;border-bottom:1px solid var(--line)}
.pro{display:flex;gap:1rem;align-items:center}
.pro h1{margin:0}
.pic{flex:none;width:7rem;aspect-ratio:1;border-radius:50%}
.ini{display:grid;place-items:center;font:700 2.5rem var(--serif);color:var(--muted)}
.bio{max-width:44rem;margin-bottom:2rem;font-size:1.05rem}
.people{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.people li{position:relative;display:flex;gap:.8rem;align-items:center}
.people .pic{width:4.5rem}
.tags a{display:inline-block}
.related{margin-top:2.5rem}
.cards>li{display:flex;gap:.8rem;padding-block:.8rem;border-bottom:1px solid var(--line)}
.cards .tx{padding:0}
.cards h3{font-size:1rem}
.search-status{color:var(--muted)}
.site-footer{background:var(--band);border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding-block:1rem 2rem}
.site-footer a{white-space:nowrap}
@media (min-width:40rem){
.row .sum{display:block}
.two .ph{flex-basis:12rem}
.rt{display:inline-block;margin-inline-start:.6rem;padding-inline-start:.6rem;border-inline-start:1px solid var(--line)}
.sec .rows{display:grid;grid-template-columns:1fr 1fr;column-gap:1.5rem;align-content:start}
.sec .card{grid-row:span 6;border-bottom:0}
.brand{font-size:2rem}
}
@media (min-width:40rem) and (max-width:63.99rem){
.top .rows,.latest .rows{display:grid;grid-template-columns:1fr 1fr;column-gap:1.5rem}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:1.25rem;padding-top:.75rem}
.cards>li{display:block;padding:0;border:0}
.cards .tx{padding-top:.5rem}
.cards .np .tx{padding:0}
}
@media (min-width:64rem){
h1{font-size:2.1rem}
.brand{font-size:2.4rem}
.top-news li{flex:1 1 0;min-width:11rem}
.front{grid-template-columns:2fr 1fr;align-items:start}
.lead,.secs{grid-column:1}
.top{grid-column:2;grid-row:1}
.latest{grid-column:2;grid-row:2}
.front .lead h2{font-size:2.1rem}
.two{display:grid;grid-template-columns:1fr 1fr;column-gap:2rem}
.hero .lead{display:grid;grid-template-columns:2fr 1fr;gap:2rem;align-items:center}
.hero .tx{padding:0}
.story h1{font-size:2.3rem}
.art{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:3rem;align-items:start}
.art .story{margin:0}
.art .related{margin:0}
}
@media print{.sections,.breaking,.top-news,.tools,.share,.related,.pager,.skip,.site-footer{display:none}body{background:#fff;color:#000;font-size:12pt}a{color:#000;text-decoration:none}.body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}}
`.trim();
