// What one reviewer's decision does to a stored match, as a pure function. Without four-eyes
// review, or on a POSSIBLE candidate, it takes effect at once. With four-eyes review
// (REVIEW_FOUR_EYES) a decision on a MATCH is first only proposed; it takes effect when a
// second reviewer (another token) makes the same decision. A different decision replaces the
// proposal and waits in turn for someone other than its own author.

export type ReviewDecision = 'CONFIRMED' | 'REJECTED';

export interface PendingDecision {
  status: ReviewDecision;
  proposedBy: string;
  proposedAt: string;
  note: string | null;
}
export interface MatchReviewState {
  /** the matcher's decision on the candidate: MATCH or POSSIBLE */
  decision: string;
  pending: PendingDecision | null;
}
export interface ReviewRequest {
  status: ReviewDecision;
  by: string;
  at: string;
  note: string | null;
}

export type ReviewStep =
  /** the status changes now; agreedBy is the second reviewer where one was needed */
  | { kind: 'APPLY'; status: ReviewDecision; decidedBy: string; decidedAt: string; note: string | null; agreedBy: string | null }
  /** the decision waits for a second reviewer */
  | { kind: 'PROPOSE'; pending: PendingDecision }
  /** the reviewer who proposed it cannot also be the one who agrees */
  | { kind: 'REFUSE'; reason: string };

export function reviewStep(state: MatchReviewState, request: ReviewRequest, fourEyes: boolean): ReviewStep {
  if (!fourEyes || state.decision !== 'MATCH') {
    return { kind: 'APPLY', status: request.status, decidedBy: request.by, decidedAt: request.at, note: request.note, agreedBy: null };
  }
  const pending = state.pending;
  if (pending && pending.status === request.status) {
    if (pending.proposedBy === request.by) {
      return {
        kind: 'REFUSE',
        reason: `four-eyes review (REVIEW_FOUR_EYES): "${request.by}" proposed this decision and cannot also agree to it; a second reviewer with another token must make the same decision`,
      };
    }
    return {
      kind: 'APPLY',
      status: pending.status,
      decidedBy: pending.proposedBy,
      decidedAt: request.at,
      note: pending.note,
      agreedBy: request.by,
    };
  }
  return { kind: 'PROPOSE', pending: { status: request.status, proposedBy: request.by, proposedAt: request.at, note: request.note } };
}
