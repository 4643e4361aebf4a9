// COMPATIBILITY, to be removed once every frame carries "target" and "swap" (docs/architecture.md, "Frames and
// fragments"): until then the place of a frame's fragment is derived from its type here, and only here.

/** Where a frame's fragment goes: { target: element id, swap }, or null when the frame has no fragment to place. */
export function placeOf(frame) {
  if (typeof frame.target === 'string' && typeof frame.swap === 'string') {
    return { target: frame.target, swap: frame.swap };
  }
  const type = typeof frame.type === 'string' ? frame.type : '';
  const comment = frame.data;
  if (!frame.html) {
    return null;
  }
  if (type === 'comment.created' && comment) {
    const list = comment.parentId != null ? `c${comment.parentId}-replies` : `thread-${frame.topicId}`;
    return { target: list, swap: 'append' };
  }
  if (type.startsWith('comment.') && comment) {
    return { target: `c${comment.id}`, swap: 'replace' };
  }
  if (type === 'topic.locked' || type === 'topic.unlocked') {
    return { target: `topic-status-${frame.topicId}`, swap: 'replace' };
  }
  return null;
}
