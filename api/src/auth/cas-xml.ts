/**
 * The part of a CAS 2.0/3.0 `serviceValidate` response we need, read with fast-xml-parser:
 *
 *   <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
 *     <cas:authenticationSuccess>
 *       <cas:user>netid</cas:user>
 *       <cas:attributes><cas:mail>a@b.edu</cas:mail><cas:affiliation>student</cas:affiliation>…</cas:attributes>
 *     </cas:authenticationSuccess>
 *   </cas:serviceResponse>
 *
 * or `<cas:authenticationFailure code="INVALID_TICKET">…`. A document that is not well-formed is refused. Namespace prefixes are dropped, the five predefined XML
 * entities and character references are decoded, repeated attributes become arrays. A document type declaration is
 * refused before parsing: CAS never sends one, and it is how entity-expansion ("billion laughs") and external-entity
 * attacks arrive.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type CasResult =
  { ok: true; user: string; attributes: Record<string, string | string[]> } | { ok: false; code: string };

const ATTRIBUTES = 'serviceResponse.authenticationSuccess.attributes.';

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true, // character references (&#65; &#x41;) as well
  isArray: (_name, jpath) => typeof jpath === 'string' && jpath.startsWith(ATTRIBUTES),
});

const INVALID: CasResult = { ok: false, code: 'INVALID_RESPONSE' };

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of an element: itself when it has no attributes or children, else its `#text`. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'];
  return '';
}

function attributesOf(node: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!isNode(node)) return out;
  for (const [key, values] of Object.entries(node)) {
    if (key.startsWith('@') || !Array.isArray(values)) continue;
    const list = values.map(text);
    out[key] = list.length === 1 ? (list[0] ?? '') : list;
  }
  return out;
}

export function parseCasResponse(xml: string): CasResult {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml) || XMLValidator.validate(xml) !== true) return INVALID;
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return INVALID;
  }
  const response = isNode(doc) ? doc['serviceResponse'] : undefined;
  if (!isNode(response)) return INVALID;
  const failure = response['authenticationFailure'];
  if (failure !== undefined) {
    const code = isNode(failure) ? failure['@code'] : undefined;
    return { ok: false, code: typeof code === 'string' && code !== '' ? code : 'UNKNOWN' };
  }
  const success = response['authenticationSuccess'];
  if (!isNode(success)) return INVALID;
  const user = text(success['user']);
  if (!user) return INVALID;
  return { ok: true, user, attributes: attributesOf(success['attributes']) };
}
