// Who is online: the discussion's count, on the topic page also how many are at this topic.

import { fill } from './util.js';

export function createPresence(element, data, topicId) {
  return {
    show(frame) {
      const online = String(frame.online ?? 0);
      if (topicId === null) {
        element.textContent = fill(data.textOnline, online);
      } else {
        const here = String((frame.topics && frame.topics[String(topicId)]) || 0);
        element.textContent = fill(data.textOnlineTopic, online, here);
      }
    },
  };
}
