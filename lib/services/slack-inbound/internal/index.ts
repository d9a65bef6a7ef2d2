export { incidentOfChannel, loadSlackInstallation, replyLater, requireAccess, resolveSlackPerson, slackApiUrl, type SlackPerson } from "./installation";
export { capturedFileUrl, CaptureRaceError, fetchCapturedMessage, knownNames, storeCapturedMessage, type FetchedMessage } from "./capture";
export { answerSlackCommand, answerSlackEvent, answerSlackInteraction } from "./requests";
