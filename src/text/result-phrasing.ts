// How a sentence reports a result and how a claim asserts one: a negative or null result ("did
// not reduce", "no significant difference", "do not support its use") and a claim of benefit
// ("cures", "reduces", "is effective"). Together they decide the worst case this product can
// meet: a negative finding read as support for a false health claim.

// Phrasing of a negative or null result.
const NEGATIVE_RESULT =
  /\b(?:(?:did|does|do|was|were|is|are|has|have|had)\s+not\s+(?:\w+\s+)?(?:reduce|improve|decrease|lower|prevent|shorten|increase|affect|change|differ|support|show|find|demonstrate|provide|benefit|alter|protect|result|lead|associate|correlate|significantly)\w*|not\s+(?:significantly\s+)?(?:associated|effective|efficacious|beneficial|superior|supported|recommended|correlated|linked|different)|no\s+(?:statistically\s+)?(?:significant|clinical|clear|meaningful|measurable|detectable|apparent|additional)?\s*(?:difference|benefit|effect|improvement|reduction|association|evidence|advantage|change|impact|correlation|effects)|failed\s+to|fail\s+to|ineffective|no\s+better\s+than|not\s+better\s+than|did\s+not\s+differ|without\s+(?:any\s+)?(?:significant\s+)?(?:benefit|effect|improvement)|lack\s+of\s+(?:efficacy|effect|benefit|association)|does\s+not\s+support|do\s+not\s+support)\b/i;

// A claim that something helps: cures, treats, reduces, prevents, improves, protects, works.
const BENEFIT =
  /\b(?:cures?|cured|treats?|treated|heals?|reduces?|reduced|lowers?|lowered|prevents?|prevented|improves?|improved|protects?|protected|shortens?|shortened|effective|efficacious|beneficial|benefits?|helps?|works?|kills?|stops?|blocks?|saves?|speeds?\s+up|decreases?|increases?\s+survival|boosts?)\b/i;

const NEGATED = /\b(?:not|no|never|doesn't|don't|does not|do not|cannot|can't|fails? to)\b/i;

/** Whether `sentence` reports a negative or null result. */
export function reportsNegativeResult(sentence: string): boolean {
  return NEGATIVE_RESULT.test(sentence);
}

/** Whether `claim` asserts that something helps (and does not itself deny it). */
export function claimsBenefit(claim: string): boolean {
  return BENEFIT.test(claim) && !NEGATED.test(claim);
}

// A ratio effect size: "OR 2.77 (95% CI 1.04 to 7.97)", "hazard ratio, 0.65 [0.29-1.46]".
const RATIO =
  /\b(?:a?OR|RR|a?HR|IRR|odds ratios?|hazard ratios?|relative risks?|risk ratios?|rate ratios?|incidence rate ratios?)\b[^0-9]{0,25}?(\d+(?:\.\d+)?)(?:\s*[[(,;]?\s*(?:95\s*%\s*)?(?:CI|confidence interval)?[,:\s]*(\d+(?:\.\d+)?)\s*(?:-|–|—|to|,)\s*(\d+(?:\.\d+)?))?/gi;

/**
 * Which way the ratio effect sizes a sentence reports point: +1 when one is above 1 (with its
 * confidence interval above 1, if given), −1 when below 1, 0 when none is clear.
 */
export function ratioDirection(sentence: string): number {
  let up = 0;
  let down = 0;
  // Lancet-style decimals: "0·15".
  for (const m of sentence.replace(/(\d)·(\d)/g, "$1.$2").matchAll(RATIO)) {
    const value = Number(m[1]);
    const low = m[2] === undefined ? undefined : Number(m[2]);
    const high = m[3] === undefined ? undefined : Number(m[3]);
    if (!Number.isFinite(value) || value <= 0 || value > 100) continue;
    if (low !== undefined && high !== undefined && low <= value && value <= high) {
      if (low > 1) up++;
      else if (high < 1) down++;
    } else if (value > 1.05) up++;
    else if (value < 0.95) down++;
  }
  return Math.sign(up - down);
}

const RISK_UP =
  /\b(?:increases?|increased|raises?|raised|elevates?|elevated|higher|greater)\s+(?:the\s+)?(?:risk|odds|incidence|likelihood|mortality|rates?)\b|\bpositively\s+(?:associated|correlated|linked)\b|\brisk factor\b|\bassociated\s+with\s+(?:an?\s+)?(?:increased|higher|greater|elevated)\b/i;
const RISK_DOWN =
  /\b(?:decreases?|decreased|reduces?|reduced|lowers?|lowered|lower|less)\s+(?:the\s+)?(?:risk|odds|incidence|likelihood|mortality|rates?)\b|\b(?:negatively|inversely)\s+(?:associated|correlated|linked|related)\b|\bprotect(?:s|ive)?\s+against\b|\bassociated\s+with\s+(?:an?\s+)?(?:decreased|lower|reduced)\b/i;

/** +1 when a claim says something raises a risk or goes with more of it, −1 when less, else 0. */
export function riskDirection(claim: string): number {
  const up = RISK_UP.test(claim);
  const down = RISK_DOWN.test(claim);
  return up === down ? 0 : up ? 1 : -1;
}
