# tsunagu: strings of the app's screens (ui/). Keys match locales/ja/ui.ftl.
# Dates and stages ("12 weeks 3 days pregnant") come already localised from the app's core.

## Whole app
app-name = tsunagu
app-loading = Loading…
app-load-failed = The app's data could not be loaded.
error-unexpected = Something unexpected went wrong. Please try again.
retry = Try again
recover-title = You can also start afresh
recover-too-new = Updating the app to its latest version lets you keep using this data as it is. Start afresh only if you cannot update.
recover-body = The data that cannot be read is not deleted: it is kept in the same place under another name, and the app starts again with empty data. If you exported your data before, you can bring it back from Settings.
recover-confirm = Your children's details and read marks will not be in the new data (they stay in the old file). Start afresh?
recover-start = Keep the old data and start afresh
recover-done = The old data is kept at { $path }.
recover-next = Restart the app to begin with empty data.
recover-restart = Restart the app
recover-reopen = Close the app and open it again: it will begin with empty data.
skip-to-content = Skip to content
sample-badge = Sample town
sample-badge-note = This is a fictional town, set up as a sample.
nav-label = Main menu
nav-today = Today
nav-archive = Archive
nav-town = Town
nav-children = Children
nav-settings = Settings
close = Close
back = Back
cancel = Not now
saved = Saved.
child-unnamed = Your child

## Welcome
welcome-from = From { $town }
welcome-title = One message each morning, from pregnancy to age three
welcome-privacy-title = No account needed
welcome-privacy = Your dates and what you have read are stored only on this phone. The only thing it fetches is your town's notices.
welcome-switch-language = 日本語
welcome-register-title = Register your child
welcome-registered = { $name } is registered ({ $stage }).
welcome-notify-title = Your daily message
welcome-notify-text = One notification a day, at the time you choose. Even without notifications, your messages are here whenever you open the app.
welcome-start = Get started

## Registration form
register-kind-legend = Where you are now
register-kind-expecting = We are expecting a baby
register-kind-born = Our baby has been born
register-due = Due date
register-due-hint = The date in your maternal and child health handbook, or from your clinic.
register-birth = Date of birth
register-born-due = Due date (if you know it)
register-born-due-hint = If your baby came early, this lets the app show corrected age.
register-nickname = Nickname (optional)
register-nickname-hint = Only used in the app, to tell children apart.
register-submit = Register

## Notifications
notify-allow = Allow notifications
notify-allowed = Notifications are allowed.
notify-not-yet = Notifications are not allowed yet.
notify-denied = Notifications were not allowed. You can change this later in your device settings.
delivery-time = Time of day
delivery-time-hint = 8:00 in the morning unless you change it.

## Today
today-title = Today
today-unread-earlier = You have { $count } unread earlier { $count ->
    [one] message
   *[other] messages
}
today-no-message = There is no message today. Earlier messages are in the archive.
today-missing = Today's message is still being written. It will appear here as soon as it is ready.
today-milestone = A day to mark
today-ask-born = It is two weeks since the due date. If your baby has arrived, please record the birth date, and the messages will switch to ones for your baby.
today-record-birth = Record the birth
today-notices = From your town
today-notices-more = See all town notices
today-none-active = No messages are being sent right now.
today-see-children = See your children
stage-label = Stage

## Messages
message-bookmark = Bookmark
message-bookmark-of = Bookmark "{ $title }"
message-earlier = Before registration
message-earlier-note = From before you registered: never notified, but here to read.
message-untitled = (Message being written)
message-not-written = This message is still being written.
message-back = Back to the list

## Archive
archive-title = Messages so far
archive-search-label = Search messages
archive-search-hint = For example: anaemia, solid food
archive-search-submit = Search
archive-search-clear = Clear search
archive-filter-legend = Filter
archive-filter-child = Child
archive-filter-all-children = All children
archive-filter-unread = Unread only
archive-filter-bookmarked = Bookmarked only
archive-count = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
archive-search-results = { $count ->
    [one] { $count } result
   *[other] { $count } results
} for "{ $query }"
archive-empty = No messages yet.
archive-no-results = Nothing found. Try another word.
archive-unread = Unread
archive-from-town = From the town
archive-more = Show more
archive-stopped-hidden = Messages for a child whose messages are stopped appear when you choose that child above.

## Children
children-title = Children
children-add = Add a child
children-add-title = Add a child
child-status-expecting = Expecting
child-status-born = Born
child-status-ended = Messages stopped
child-due = Due { $date }
child-birth = Born { $date }
child-preterm = Corrected age is shown as well.
child-born-action = Our baby has arrived
child-edit-action = Correct dates
child-stop-action = Stop messages
child-resume-action = Resume messages
child-stopped-note = Messages for this child are stopped.
child-actions = Actions for { $name }

## Correcting dates, deleting records
edit-title = Correct dates
edit-save = Save
edit-delete-title = Delete this child's records
edit-delete-text = Removes the registration and the message history from this device. This cannot be undone.
edit-delete = Delete records
edit-delete-confirm = Press again to delete for good
edit-deleted = The records were deleted.

## Birth
born-title = Record the birth
born-date = Date of birth
born-submit = Record
born-done-title = Congratulations
born-done-text = Congratulations on your baby's arrival. From today, the messages are for your baby and your whole family. First of all, rest as much as you can.
born-done-today = See today's message

## Stopping messages
stop-title = Stop messages
stop-intro = You can stop every message for this child here, for any reason.
stop-reason-legend = If you wish, choose a reason (you can stop without one)
stop-reason-pregnancy-loss = We lost our baby during pregnancy
stop-reason-child-loss = We lost our child
stop-reason-other = Another reason
stop-continue = Continue
stop-confirm-title = Before you stop
stop-confirm-text = When you press "Stop", every message for this child stops at once and any planned notifications are cancelled. Messages you have already received stay on this device.
stop-confirm = Stop
stop-done-title = Messages are stopped
stop-done-text = Every message for this child has stopped, and planned notifications are cancelled.
stop-done-back = Back to children
support-title = People you can talk to
support-text = Please don't carry this alone. Your clinic or doctor, and the town's public health nurses and family support centre, are there whenever you want to talk.
support-hours = Hours: { $hours }
support-call = Call { $name }
resume-title = Resume messages?
resume-text = Messages start again from the day you choose to resume. Nothing from the stopped time will be notified.
resume-confirm = Resume

## Settings
settings-title = Settings
settings-notifications = Notifications
settings-test = Send a test notification
settings-display = Display and language
settings-test-sent = Test notification sent.
settings-language = Language
language-ja = 日本語
language-en = English
settings-text-size = Text size
text-size-standard = Standard
text-size-large = Large
text-size-larger = Larger
settings-theme = Appearance
theme-system = Match device
theme-light = Light
theme-dark = Dark
settings-data = Your data
settings-data-text = Everything is stored only on this device. To move to a new phone, export a file here and import it there.
settings-export = Export data
settings-exported = Exported ({ $file }).
settings-import-file = Choose a file to import
settings-import-confirm-text = This replaces all data on this device (children, read marks, bookmarks and settings) with the contents of "{ $file }". Continue?
settings-import-confirm = Replace
settings-imported = Imported.
settings-support = Support contacts
settings-about = About this app
settings-version = Version { $version }

## Town notices
town-title = Town notices
town-intro = Classes and events from { $town }, chosen for your family's stage.
town-status = The town's information
town-updated = Town information updated: { $date }
town-checked = Last checked: { $date }
town-never = Nothing has arrived from the town yet.
town-expired = The town's information is past its expiry date. Until new information arrives, the app shows what it already has.
town-refresh = Check for updates
town-pull = Pull down to check for updates
town-pull-release = Release to check
town-refreshing = Checking…
town-refreshed = The town's information has been updated.
town-up-to-date = The town's information is up to date.
town-events = Classes and events
town-events-none = There are no events for your family just now.
town-event-when = When
town-event-place = Where
town-event-open = More details
town-event-open-note = opens in your browser
link-opening-failed = The link could not be opened

## Check-ups and shots
schedule-title = Check-ups and shots
schedule-link = Check-ups and shots
schedule-due-now = Due now
schedule-coming = Coming
schedule-talk = Talk to your clinic
schedule-talk-hint = The recommended time has passed without a record. Ask your clinic (or the town, for a check-up) what comes next.
schedule-done = Done
schedule-nothing = Nothing here just now.
schedule-window = Recommended: { $first } – { $last }
schedule-earliest = From { $date } at the earliest (after the previous dose)
schedule-done-on = Recorded: { $date }
schedule-record = Record
schedule-record-name = Record { $name }
schedule-date = Date
schedule-which = Which vaccine
schedule-save = Save
schedule-cancel = Cancel
schedule-correct = Correct the date
schedule-correct-name = Correct the date of { $name }
schedule-undo = Remove this record
schedule-future = That day has not come yet. Record a visit on the day it happened, or later.
schedule-recorded = Recorded { $name }.
schedule-removed = Removed the record of { $name }.
schedule-calendar = Add to calendar
schedule-calendar-saved = Saved { $file }. Open it to add the visits to your calendar.
schedule-town-events = Check-ups from the town
today-visits-opening = Check-ups and shots
## Sharing a child with the family (issue #12)
child-share-action = Share with family
child-shared-badge = Shared
child-shared-note = Shared from another phone. When that phone records the birth or stops the messages, add its new code here to update this child.
children-add-shared = Add a shared child
share-title = Share with family
share-intro = On the other phone (a partner's, a grandparent's), open this app, choose "Add a shared child", and scan this code or type the letters below. That phone then gets the same message each morning.
share-qr-alt = QR code of the share code
share-code-label = The code to read aloud or type
share-include-nickname = Include the nickname
share-holds-title = What the code holds
share-nothing-else = Nothing else is in the code: not your messages, settings or anything you have read. It is not sent anywhere; it goes only to the phone that scans or types it.
share-again-title = Please share again
share-unavailable = The code could not be made.
add-shared-title = Add a shared child
add-shared-intro = Type or paste the code shown on the other phone's "Share with family" page. Spaces, hyphens and small letters are all fine.
add-shared-code = Share code
add-shared-submit = Add
add-shared-scan = Scan the QR code
add-shared-scan-failed = The camera could not read a code. You can type the code instead.
add-shared-from-welcome = Has a family member shared a child with you?
add-shared-confirm-title = Please confirm
add-shared-confirm-stop = Stop the messages here too
add-shared-confirm-resume = Restart the messages here
add-shared-added-title = Added
add-shared-added = { $name } was added, marked as shared. This phone now gets the same messages.
add-shared-updated-title = Updated
add-shared-updated = { $name } was brought up to date from the code:
add-shared-unchanged-title = Already up to date
add-shared-unchanged = { $name } is already on this phone, just as the code says. Nothing was changed.
add-shared-to-today = See today's message
add-shared-to-children = See your children
survey-from = A survey from your town
survey-answer = Answer the survey
survey-dismiss = Not now, hide this
survey-note = The form opens in your browser, and your answers go to the town's form only. This app does not record whether you answered.
