/** Every Hasura action handled by the API, by name (must match hasura/metadata/actions.yaml). */
import type { ActionDef } from './action.js';
import { acceptFriendRequest } from './accept-friend-request.js';
import { addToWishlist } from './add-to-wishlist.js';
import { addWorksheetCourse } from './add-worksheet-course.js';
import { createWorksheet } from './create-worksheet.js';
import { declineFriendRequest } from './decline-friend-request.js';
import { deleteSavedSearch } from './delete-saved-search.js';
import { deleteWorksheet } from './delete-worksheet.js';
import { removeFriend } from './remove-friend.js';
import { removeFromWishlist } from './remove-from-wishlist.js';
import { removeWorksheetCourse } from './remove-worksheet-course.js';
import { renameWorksheet } from './rename-worksheet.js';
import { saveSearch } from './save-search.js';
import { sendFriendRequest } from './send-friend-request.js';
import { setWorksheetPrivate } from './set-worksheet-private.js';
import { updateProfile } from './update-profile.js';
import { updateWorksheetCourse } from './update-worksheet-course.js';

export const ACTIONS: readonly ActionDef[] = [
  createWorksheet,
  renameWorksheet,
  deleteWorksheet,
  setWorksheetPrivate,
  addWorksheetCourse,
  removeWorksheetCourse,
  updateWorksheetCourse,
  addToWishlist,
  removeFromWishlist,
  sendFriendRequest,
  acceptFriendRequest,
  declineFriendRequest,
  removeFriend,
  updateProfile,
  saveSearch,
  deleteSavedSearch,
] as ActionDef[];

export const ACTIONS_BY_NAME: ReadonlyMap<string, ActionDef> = new Map(ACTIONS.map((a) => [a.name, a]));
