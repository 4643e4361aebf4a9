// Who is online: the discussion's count, on the topic page also how many are at this topic; and the names of the
// signed-in people present who allow it in their settings (on the topic page: those at this topic).

import { fill } from './util.js';

export function createPresence(element, data, topicId) {
  const namesElement = document.getElementById('live-names');
  return {
    show(frame) {
      const online = String(frame.online ?? 0);
      if (topicId === null) {
        element.textContent = fill(data.textOnline, online);
      } else {
        const here = String((frame.topics && frame.topics[String(topicId)]) || 0);
        element.textContent = fill(data.textOnlineTopic, online, here);
      }
      if (namesElement) {
        const names = topicId === null ? frame.names
          : frame.topicNames && frame.topicNames[String(topicId)];
        const list = Array.isArray(names) ? names : [];
        namesElement.hidden = list.length === 0;
        namesElement.textContent = list.length === 0 ? ''
          : fill(topicId === null ? data.textNames : data.textNamesTopic, list.join(', '));
      }
    },
  };
}
