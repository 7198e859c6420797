/**
 * The named character references the renderer decodes itself, with HTML5's values and its exact, case-sensitive
 * names: every HTML 4 name (Latin-1 letters, Greek, typographic and mathematical signs) and every name of an ASCII
 * character (`&colon;`, `&Tab;`, `&bsol;` …, the ones that can spell a URL). HTML5 has 2,125 names; all of them
 * would add some 10 KiB gzip to the Worker. A name not listed stays as written and is escaped, so a reader sees
 * `&name;`: never a character the URL policy did not see.
 */

/** Runs of names for consecutive code points: `hex:name,name,…` is U+hex, U+hex+1, … */
const RUNS = [
  '9:Tab,NewLine 21:excl,QUOT 22:quot,num,dollar,percnt,AMP 26:amp,apos,lpar,rpar,ast',
  '2a:midast,plus,comma 2e:period,sol 3a:colon,semi,LT 3c:lt,equals,GT 3e:gt,quest,commat 5b:lbrack',
  '5b:lsqb,bsol,rbrack 5d:rsqb,Hat,UnderBar 5f:lowbar,DiacriticalGrave 60:grave 7b:lbrace',
  '7b:lcub,VerticalLine 7c:verbar 7c:vert,rbrace 7d:rcub',
  'a0:nbsp,iexcl,cent,pound,curren,yen,brvbar,sect,uml,copy,ordf,laquo,not,shy,reg,macr',
  'b0:deg,plusmn,sup2,sup3,acute,micro,para,middot,cedil,sup1,ordm,raquo,frac14,frac12,frac34,iquest',
  'c0:Agrave,Aacute,Acirc,Atilde,Auml,Aring,AElig,Ccedil,Egrave,Eacute,Ecirc,Euml,Igrave,Iacute,Icirc,Iuml',
  'd0:ETH,Ntilde,Ograve,Oacute,Ocirc,Otilde,Ouml,times,Oslash,Ugrave,Uacute,Ucirc,Uuml,Yacute,THORN,szlig',
  'e0:agrave,aacute,acirc,atilde,auml,aring,aelig,ccedil,egrave,eacute,ecirc,euml,igrave,iacute,icirc,iuml',
  'f0:eth,ntilde,ograve,oacute,ocirc,otilde,ouml,divide,oslash,ugrave,uacute,ucirc,uuml,yacute,thorn,yuml',
  '152:OElig,oelig 160:Scaron,scaron 178:Yuml 192:fnof 2c6:circ 2dc:tilde',
  '391:Alpha,Beta,Gamma,Delta,Epsilon,Zeta,Eta,Theta,Iota,Kappa,Lambda,Mu,Nu,Xi,Omicron,Pi',
  '3a1:Rho',
  '3a3:Sigma,Tau,Upsilon,Phi,Chi,Psi,Omega',
  '3b1:alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,lambda,mu,nu,xi,omicron,pi',
  '3c1:rho,sigmaf,sigma,tau,upsilon,phi,chi,psi,omega',
  '3d1:thetasym,upsih 3d6:piv 2002:ensp,emsp 2009:thinsp 200c:zwnj,zwj,lrm,rlm 2013:ndash,mdash',
  '2018:lsquo,rsquo,sbquo 201c:ldquo,rdquo,bdquo 2020:dagger,Dagger,bull 2026:hellip 2030:permil',
  '2032:prime,Prime 2039:lsaquo,rsaquo 203e:oline 2044:frasl 20ac:euro 2111:image 2118:weierp 211c:real',
  '2122:trade 2135:alefsym 2190:larr,uarr,rarr,darr,harr 21b5:crarr 21d0:lArr,uArr,rArr,dArr,hArr',
  '2200:forall 2202:part,exist 2205:empty 2207:nabla,isin,notin 220b:ni 220f:prod 2211:sum,minus',
  '2217:lowast 221a:radic 221d:prop,infin 2220:ang 2227:and,or,cap,cup,int 2234:there4 223c:sim',
  '2245:cong 2248:asymp 2260:ne,equiv 2264:le,ge 2282:sub,sup,nsub 2286:sube,supe 2295:oplus',
  '2297:otimes 22a5:perp 22c5:sdot 2308:lceil,rceil,lfloor,rfloor 25ca:loz 2660:spades 2663:clubs',
  '2665:hearts,diams 27e8:lang,rang',
];

/** Reference name (without `&` and `;`) → its character. */
export const NAMED_REFERENCES: ReadonlyMap<string, string> = new Map(
  RUNS.join(' ')
    .split(' ')
    .flatMap((run) => {
      const [start = '', names = ''] = run.split(':');
      const first = Number.parseInt(start, 16);
      return names.split(',').map((name, i): [string, string] => [name, String.fromCodePoint(first + i)]);
    }),
);
