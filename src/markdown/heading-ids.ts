/** Stable, readable ids for headings, Arabic included. */

/** Turns heading text into an id: NFC, lowercase, without diacritics or punctuation, words joined by hyphens. */
export function headingId(text: string): string {
  const id = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '') // Arabic harakat, superscript alef, Quranic marks, tatweel
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .trim()
    .replace(/[\s-]+/g, '-')
    .replace(/^-|-$/g, '');
  return id || 'section';
}

/**
 * Ids a heading must not take: those the page layout uses (the skip link's target, the top-news label) and
 * those the AMP validator forbids, AMP's own name and the DOM properties an element id would shadow
 * (matched case-insensitively, so listed lowercase).
 */
const RESERVED_IDS = new Set(
  [
    'main',
    'top-news-title',
    'amp',
    'acceptcharset addeventlistener appendchild assignedslot attachshadow baseuri checkvalidity',
    'childelementcount childnodes classlist classname clientheight clientleft clienttop clientwidth',
    'comparedocumentposition computedname computedrole contenteditable createshadowroot enqueaction firstchild',
    'firstelementchild getanimations getattribute getattributens getattributenode getattributenodens',
    'getboundingclientrect getclientrects getdestinationinsertionpoints getelementsbyclassname',
    'getelementsbytagname getelementsbytagnamens getrootnode hasattribute hasattributens hasattributes',
    'haschildnodes haspointercapture innerhtml innertext inputmode insertadjacentelement insertadjacenthtml',
    'insertadjacenttext iscontenteditable isdefaultnamespace isequalnode issamenode lastchild lastelementchild',
    'lookupnamespaceuri namespaceuri nextelementsibling nextsibling nodename nodetype nodevalue offsetheight',
    'offsetleft offsetparent offsettop offsetwidth outerhtml outertext ownerdocument parentelement parentnode',
    'previouselementsibling previoussibling queryselector queryselectorall releasepointercapture',
    'removeattribute removeattributens removeattributenode removechild removeeventlistener replacechild',
    'reportvalidity requestpointerlock scrollheight scrollintoview scrollintoviewifneeded scrollleft',
    'scrollwidth setattribute setattributens setattributenode setattributenodens setpointercapture shadowroot',
    'stylemap tabindex tagname textcontent tostring valueof',
  ].flatMap((line) => line.split(' ')),
);

/** Reserved prefixes: no suffix can clear these, so such ids get a prefix of their own. */
const RESERVED_PREFIX = /^(i-amphtml|(webkit|moz|ms|o)(dropzone|matchesselector|requestfullscreen))/;

/** Gives each heading text a unique id within one document, suffixing repeats (and reserved ids) with -2, -3, … */
export function createIdAllocator(): (text: string) => string {
  const used = new Map<string, number>();
  return (text) => {
    const plain = headingId(text);
    const base = RESERVED_PREFIX.test(plain) ? `h-${plain}` : plain;
    let id = base;
    let n = used.get(base) ?? 0;
    while (used.has(id) || RESERVED_IDS.has(id)) {
      n += 1;
      id = `${base}-${n + 1}`;
    }
    used.set(base, n);
    used.set(id, 0);
    return id;
  };
}
