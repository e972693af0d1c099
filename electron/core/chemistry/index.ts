/** Chemistry meetings for other features: who has met, and what each side said (for pairing). */
export { hadChemistryMeeting, chemistryAnswers } from './answers';
export { countChemistryMeetingsOf, eraseChemistryMeetingsOf, redactNamesInChemistry } from './erasure';
