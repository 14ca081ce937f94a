/**
 * Readiness: how likely a learner is to pass a certification's exam now, per domain and overall.
 *
 * Model (Beta–Binomial with a normal approximation of the exam score):
 * 1. Each domain d has an unknown probability p_d that the learner answers one of its questions
 *    correctly. Its prior is Beta(1, 1) (uniform: nothing known). Evidence is the learner's
 *    latest answer to each distinct question of the domain (mock exams and practice alike; a
 *    question answered wrongly and then rightly counts as known now): k right of n gives the
 *    posterior Beta(1 + k, 1 + n - k), with mean (1 + k) / (2 + n) and the usual Beta variance.
 *    With no answers the estimate is 50 % with a wide uncertainty, and it narrows as evidence
 *    grows; it is calibrated in the Bayesian sense that the mean is the posterior predictive
 *    probability of answering the domain's next question correctly.
 * 2. A mock exam asks c_d questions of domain d (the blueprint's largest-remainder split of the
 *    exam length L). The exam score X = Σ Y_d / L with Y_d ~ Binomial(c_d, p_d) and p_d drawn
 *    from its posterior, so (law of total variance) E[X] = Σ c_d m_d / L and
 *    Var[X] = Σ (c_d / L)² (v_d + (m_d (1 - m_d) - v_d) / c_d), where m_d and v_d are the
 *    posterior mean and variance: uncertainty about p_d plus the luck of the draw.
 * 3. The probability of passing is P(X >= passing score) under a normal approximation of X
 *    with a continuity correction of half a question.
 * The trend is the same computation over the answers given up to now and to each of the seven
 * moments one, two, … seven weeks before now.
 */
export interface DomainEvidence {
  domain: string;
  /** Questions of the exam from this domain (the blueprint split). */
  examQuestions: number;
  /** Distinct questions answered, and how many of them the latest answer got right. */
  answered: number;
  correct: number;
}

export interface DomainReadiness {
  domain: string;
  examQuestions: number;
  answered: number;
  correct: number;
  /** Posterior mean of answering a question of the domain correctly, 0 to 1. */
  estimate: number;
  /** Posterior standard deviation of that estimate. */
  uncertainty: number;
  /** A 90 % credible interval (normal approximation, clipped to [0, 1]). */
  low: number;
  high: number;
}

export interface Readiness {
  domains: DomainReadiness[];
  /** Expected exam score, 0 to 1. */
  expectedScore: number;
  /** Standard deviation of the exam score. */
  scoreUncertainty: number;
  passProbability: number;
}

const Z_90 = 1.6448536269514722;

/** The standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function domainReadiness(evidence: DomainEvidence): DomainReadiness {
  const alpha = 1 + evidence.correct;
  const beta = 1 + evidence.answered - evidence.correct;
  const mean = alpha / (alpha + beta);
  const variance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
  const sd = Math.sqrt(variance);
  return {
    domain: evidence.domain,
    examQuestions: evidence.examQuestions,
    answered: evidence.answered,
    correct: evidence.correct,
    estimate: mean,
    uncertainty: sd,
    low: Math.max(0, mean - Z_90 * sd),
    high: Math.min(1, mean + Z_90 * sd),
  };
}

/** Readiness for an exam of `Σ examQuestions` questions passed at `passingScore` percent. */
export function readiness(evidence: readonly DomainEvidence[], passingScore: number): Readiness {
  const domains = evidence.map(domainReadiness);
  const length = evidence.reduce((sum, domain) => sum + domain.examQuestions, 0);
  let expected = 0;
  let variance = 0;
  evidence.forEach((domain, index) => {
    const { estimate: m, uncertainty } = domains[index] as DomainReadiness;
    const c = domain.examQuestions;
    if (c === 0 || length === 0) return;
    const v = uncertainty ** 2;
    expected += (c * m) / length;
    variance += (c / length) ** 2 * (v + (m * (1 - m) - v) / c);
  });
  const sd = Math.sqrt(variance);
  // Passing needs at least ceil(passingScore% of L) right answers; half a question of
  // continuity correction below that count.
  const needed = length === 0 ? 1 : (Math.ceil((passingScore * length) / 100) - 0.5) / length;
  const passProbability =
    sd === 0 ? (expected >= needed ? 1 : 0) : 1 - normalCdf((needed - expected) / sd);
  return { domains, expectedScore: expected, scoreUncertainty: sd, passProbability };
}
