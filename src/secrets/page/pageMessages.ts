/**
 * The secrets page's answers other than the form, the sign-in page and the
 * done page: what went wrong and what the user does next. None names the
 * request's owner or action, so a link in the wrong hands reveals nothing.
 */
export interface PageMessage {
  status: number;
  title: string;
  paragraphs: string[];
}

const CALL_AGAIN =
  'Go back to your MCP client and call the tool again: it will give you a new link.';

export const pageMessages = {
  notFound: {
    status: 404,
    title: 'This link has expired or is unknown',
    paragraphs: [
      'Links for entering secrets work for a few minutes, and only once.',
      CALL_AGAIN,
    ],
  },
  forbidden: {
    status: 403,
    title: 'This link is for another user',
    paragraphs: [
      'Only the Backstage user whose MCP client called the tool can enter its secrets. You are signed in as someone else.',
      'Sign in as that user, or call the tool from your own client.',
    ],
  },
  crossOrigin: {
    status: 403,
    title: 'The form was not sent from this page',
    paragraphs: [
      'Secrets are accepted only from the form Backstage shows at this link. Open the link again and submit the form there.',
    ],
  },
  badToken: {
    status: 403,
    title: 'The form could not be verified',
    paragraphs: [
      'The form was changed or did not come from this page. Open the link again and submit the form there.',
    ],
  },
  alreadyUsed: {
    status: 409,
    title: 'The secrets were already submitted',
    paragraphs: [
      'This link was used before and works only once. If the tool still asks for secrets, call it again to get a new link.',
    ],
  },
  unavailable: {
    status: 404,
    title: 'This tool cannot take secrets here',
    paragraphs: [
      'The action behind this link is no longer available, or its secrets cannot be entered in a form.',
      CALL_AGAIN,
    ],
  },
} satisfies Record<string, PageMessage>;
