# tsunagu: UI and command strings (English). Keys match locales/ja/tsunagu.ftl.

## Command descriptions
cli-about = tsunagu: a daily message from pregnancy to age three, from your town to your family.
cli-about-child = Register children, record a birth, stop or resume messages
cli-about-today = Today's messages
cli-about-plan = A family's whole schedule
cli-about-archive = Messages delivered so far, newest first
cli-about-search = Search past messages (parts of Japanese words work too)
cli-about-calendar = A child's coming check-ups and immunisations as a calendar file (.ics)
cli-about-catalogue = Check the message catalogue

## Ages and stages
age-gestation = { $weeks } { $weeks ->
    [one] week
   *[other] weeks
} { $days } { $days ->
    [one] day
   *[other] days
} pregnant
age-days = day { $days }
age-months = { $years ->
    [0] { $months } { $months ->
        [one] month
       *[other] months
    }
   *[other] { $years } { $years ->
        [one] year
       *[other] years
    }{ $months ->
        [0] {""}
        [one] {" "}{ $months } month
       *[other] {" "}{ $months } months
    }
}
# A preterm baby's corrected age. The baby is born: never "pregnant" (neonatal follow-up writes
# "37 weeks 5 days corrected").
corrected-gestation = { $weeks } { $weeks ->
    [one] week
   *[other] weeks
} { $days } { $days ->
    [one] day
   *[other] days
} corrected
corrected-days = day { $days } corrected
corrected-months = { $age } corrected
stage-with-corrected = { $actual } ({ $corrected })

## Milestones
milestone-stable-period = 16 weeks: the start of what is often called the stable period.
milestone-full-term = 36 weeks: the final month begins today.
milestone-due-date = Today is the due date.
milestone-days = { $days } days since birth, one day at a time.

## Dates
date = { $weekday } { $day } { $month-name } { $year }
weekday-0 = Mon
weekday-1 = Tue
weekday-2 = Wed
weekday-3 = Thu
weekday-4 = Fri
weekday-5 = Sat
weekday-6 = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

## Children
child-none = No children are registered.
child-unnamed = (no nickname)
child-due = due { $date }
child-birth = born { $date }
status-expecting = expecting
status-born = born
status-ended-pregnancy-loss = messages stopped
status-ended-child-loss = messages stopped
status-ended-other = messages stopped
child-ended-support = All messages for this child have stopped, and the notifications that were planned are cancelled. Please don't carry this alone: your maternity clinic or doctor, and your town's public health nurses and family support centre, are there to talk whenever you need. Messages resume only if your family chooses.

## Today
today-no-message = No message today. Earlier messages are in the archive.
today-stopped = Messages for this child are stopped.
today-outside = Today is outside the programme.
message-missing = The message for this day ({ $slot }) is still being written.
ask-if-born = Two weeks have passed since the due date. If your baby has arrived, record the birth date and the messages will switch to your baby's.

## Plan
schedule-clinic-decides = This is the timing the national schedule recommends. Your clinic decides what is given and when: ask them about anything that does not fit.
schedule-assumed-birth = No birth is recorded yet: the baby's visits are placed as if born on the due date, { $due }.
schedule-opens = The recommended period for { $name } starts today
calendar-checkup-description = The schedule's window for this check-up: { $first } to { $last }. The town or the clinic sets the day; if the window passes, ask them.
calendar-dose-description = The schedule recommends this dose from { $earliest } (window { $first } to { $last }). This is what the schedule recommends: your clinic decides, so ask them about the day.
plan-assumed-birth = -- From here on, the plan assumes a birth on the due date ({ $date }). Recording the real birth date rebuilds it from that day --
plan-assumed-mark = (assumed)
plan-unwritten = (being written)
plan-total = { $count } messages in all

## Archive
archive-empty = No messages yet.
archive-unread = unread
archive-bookmarked = ★
archive-earlier = before registration

## Catalogue check
coverage = { $locale } { $written }/{ $total }, missing { $missing }
coverage-none-missing = none
coverage-complete = (complete: anything missing is an error)
coverage-in-progress = (in progress)
range-pregnancy = pregnancy
range-infant = age 0
range-year1 = age 1
range-year2 = age 2 to the 3rd birthday
check-findings = { $count } { $count ->
    [one] finding
   *[other] findings
}

finding-not-a-slot = "{ $value }" is not a slot of the programme.
finding-bad-front-matter = The front matter (TOML between +++ lines) cannot be read: { $value }
finding-empty-title = The title is missing.
finding-title-too-long = The title has { $length } characters; keep it within { $max }.
finding-no-topics = No topics are given.
finding-unknown-topic = "{ $value }" is not in the topic vocabulary.
finding-raw-html = The body contains HTML; write Markdown only.
finding-disallowed-markup = The body uses markup that is not allowed ({ $value }): paragraphs, strong, lists and links only.
finding-bad-link = The link "{ $value }" is not allowed: https, mailto and tel only.
finding-body-length = The body has { $length } { $unit ->
    [chars] characters
   *[words] words
}; keep it between { $min } and { $max }.
finding-near-copy = The body is nearly the same as { $value } ({ $percent }% similar).
finding-missing = A range declared complete ({ $range }) is missing messages: { $value }
finding-bad-schedule = The schedule file cannot be read: { $value }
finding-bad-schedule-date = "{ $value }" is not a date; write it as year-month-day.
finding-duplicate-id = The id "{ $value }" is used more than once.
finding-bad-source = The source "{ $value }" needs a title, a publisher and an http(s) address.
finding-no-source = { $item } cites no source.
finding-unknown-source = { $item } cites "{ $value }", which the file's sources do not list.
finding-unused-source = No item cites the source "{ $value }".
finding-missing-name = { $item } has no text in "{ $value }".
finding-bad-window = { $item }: the window is not well-formed ({ $value }).
finding-bad-doses = { $item }: the doses are not well-formed ({ $value }).
finding-unknown-choice = { $item } names the choice "{ $value }", which no file declares.

## Errors
error-schedule = The check-up and immunisation schedule cannot be read: { $value }
error-unknown-vaccine = "{ $value }" is not a vaccine of the schedule.
error-unknown-dose = { $vaccine } has no dose { $number } in the schedule.
error-dose-recorded-twice = Dose { $number } of { $vaccine } is recorded twice. Keep the date in the handbook and remove the other.
error-dose-outside-life = Dose { $number } of { $vaccine } is dated { $date }, which does not fit the birth date (a baby's dose after the birth, a dose in pregnancy before it). Please check the date.
error-dose-without-previous = Dose { $number } of { $vaccine } is recorded, but the dose before it is not. Record the earlier dose first.
error-dose-before-previous = Dose { $number } of { $vaccine } is dated on or before the dose before it. Please check both dates.
error-mixed-vaccines = Doses of two different { $value } vaccines are recorded. Please check the handbook and ask your clinic.
error-record-in-future = { $date } has not come yet: record a dose or a check-up on the day it was given, or later.
error-unknown-checkup = "{ $value }" is not one of this child's check-ups.
error-not-recorded = Nothing is recorded for { $value }.
error-invalid-date = "{ $value }" is not a date. Write it as year-month-day, such as 2027-03-15.
error-no-dates = Enter a due date or a birth date.
error-due-date-too-far = The due date { $due } is more than 40 weeks away. Please check the date your clinic gave you.
error-due-date-passed = The due date { $due } was more than two weeks ago. If your baby has arrived, register with the birth date.
error-birth-in-future = The birth date { $birth } has not come yet.
error-birth-before-viable = The birth date { $birth } would be before 22 weeks of the pregnancy due { $due }. Please check the dates.
error-birth-after-due-date = The birth date { $birth } is more than four weeks after the due date { $due }. Please check the dates.
error-birth-too-long-ago = The birth date { $birth } is more than three years ago, past the end of this programme.
error-unknown-slot = "{ $value }" is not part of the programme.
error-unknown-child = There is no child number { $id }.
error-unknown-delivery = There is no message number { $id }.
error-text-too-long = { $field ->
    [nickname] A nickname
    [search] A search
    [search-words] A search
   *[other] This text
} can be at most { $max } { $field ->
    [search-words] words
   *[other] characters
} long.
error-link-not-allowed = This link ({ $value }) cannot be opened: only https, email and phone links are.
town-sync-failed = The town's information could not be updated. Please try again with a better connection; the information you have stays as it is.
error-invalid-import = This file cannot be imported. Please check that it was exported from tsunagu. Nothing has been changed. ({ $value })
error-already-born = The birth of child number { $id } is already recorded.
error-not-born = No birth is recorded for child number { $id } yet. Record the birth first.
error-child-ended = Messages for child number { $id } are stopped. Resume them first.
error-child-not-ended = Messages for child number { $id } are not stopped.
error-unknown-locale = The language "{ $value }" is not available (ja, en).
error-invalid-setting = "{ $value }" is not a valid value for the setting "{ $key }".
error-database-too-new = The data in { $path } was written by a newer version of the app (format { $found }; this version reads up to { $supported }). It has been left untouched: please update the app.
error-sqlite-too-old = This system's SQLite { $found } is too old to open the data ({ $needed } or later is needed). Nothing has been changed.
error-data-readable = The data in { $path } can be read, so it has been left where it is.
error-database-corrupt = The data in { $path } cannot be read. The file has been kept as it is. ({ $value })
error-database = Reading or writing the data failed; nothing was changed. ({ $value })
error-catalogue = The message catalogue cannot be read: { $value }
error-io = The file { $path } cannot be used: { $value }

## Notifications
notify-several = { $count } messages for today
notify-new-message = Today's message is here
notify-ask-if-born = Has your baby arrived?
notify-missed = { $count } unread { $count ->
    [one] message
   *[other] messages
}
notify-missed-body = Open the app to read everything you missed.
notify-town-event = Town event: { $title }
notify-test-title = Test notification
notify-test-body = Notifications are working. Your daily message will arrive like this.

## App
app-no-display = No display was found, so the app cannot open its window. Without a screen, start it on a virtual display: Xvfb :99 & DISPLAY=:99 ./scripts/run
tray-open = Open tsunagu
tray-quit = Quit
error-internal = Something unexpected went wrong. Please try again. ({ $value })

## The town feed: tsunagu feed
cli-about-feed = The town's signed feed: write, check, sign, serve for testing, and sync
cli-about-feed-init = Write a starter feed for the town, with comments
cli-about-feed-validate = Check a feed and list every problem with its item and field
cli-about-feed-keygen = Make a signing key pair (minisign format)
cli-about-feed-sign = Sign a feed, writing FILE.minisig
cli-about-feed-verify = Check the signature the way the app does
cli-about-feed-preview = What a family with these dates would see, day by day
cli-about-feed-serve = Serve a folder on 127.0.0.1 (to try the app against a draft feed)
cli-about-feed-sync = Update this device's copy of the town's information, as the app does
feed-init-written = Wrote a starter feed to { $path }. Change its version (_tsunagu.version) and contents, check it with tsunagu feed validate, then sign it.
feed-valid = { $path }: no problems ({ $overlays } stage notes, { $notices } event notices, { $surveys } surveys, version { $version }).
feed-trusted-comment = Trusted comment for the signature: { $comment }
feed-problems = { $count } { $count ->
    [one] problem
   *[other] problems
} found.
feed-keygen-written = Wrote the public key to { $public } and the secret key to { $secret }. Set public_key in town.toml to this line: { $key }
feed-keygen-unencrypted = The secret key is not protected by a password. Keep it offline and never share it (--password-env encrypts it).
feed-sign-written = Wrote the signature to { $path } (trusted comment: { $comment }). Publish the feed and its signature together.
feed-verify-ok = { $path }: the signature is good; this is version { $version } of town { $town }.
feed-preview-town = From the town: { $title }
feed-preview-event = Event: { $title } ({ $when })
feed-preview-place = , { $place }
feed-preview-survey = Survey: { $title } (open until { $until }; answered on the town's form)
feed-preview-no-feed = (No town feed. Use --feed to preview a draft.)
feed-serve-listening = Serving { $dir } at { $url } (Ctrl+C to stop).
feed-sync-updated = The town's information was updated (version { $version }).
feed-sync-not-modified = The town's information is up to date.
feed-sync-rejected = The town's information could not be updated; what you had is still there. Reason: { $reason }
feed-sync-status = Version held: { $version } (made by the town at { $generated })

## Problems found in a feed
feed-problem-json = This is not readable as JSON: { $value }
feed-problem-not-json-feed = version is not JSON Feed 1.1's (https://jsonfeed.org/version/1.1): { $value }
feed-problem-schema = _tsunagu.schema { $value } cannot be read by this app.
feed-problem-missing = This field is required.
feed-problem-wrong-type = This value has the wrong type (it should be { $value }).
feed-problem-empty = This is empty.
feed-problem-too-long = This has { $length } characters; keep it within { $max }.
feed-problem-too-many = There are { $count }; at most { $max } are allowed.
feed-problem-too-large = The feed is { $bytes } bytes; apps download at most { $max } bytes, so none would read it. Split old items out or shorten bodies.
feed-problem-unknown-field = There is no field "{ $value }" here (a typo?).
feed-problem-unknown-kind = There is no kind "{ $value }" (overlay, event or survey).
feed-problem-kind-needs-schema = A { $value } needs _tsunagu.schema { $schema }: apps that read only an older schema would refuse the whole feed. Raise the schema.
feed-problem-unknown-lang = There is no language "{ $value }" (ja or en).
feed-problem-bad-id = "{ $value }" cannot be used as an identifier.
feed-problem-bad-date = "{ $value }" is not a date (write it as 2027-03-15).
feed-problem-bad-time = "{ $value }" is not a date and time.
feed-problem-bad-stage = "{ $value }" is not a stage (pregnancy weeks are written 16w0d).
feed-problem-out-of-range = { $value } is out of range ({ $min } to { $max }).
feed-problem-order = This comes before { $value }.
feed-problem-duplicate-id = The id "{ $value }" is used twice.
feed-problem-duplicate-key = The key "{ $value }" has two items in { $lang }.
feed-problem-bad-url = "{ $value }" cannot be used: use an address starting with https://.
feed-problem-content-html = content_html is not accepted: write the body in Markdown in content_text.
feed-problem-raw-html = The body contains HTML; write Markdown only (the app shows HTML as plain text).
feed-problem-disallowed-markup = The body uses markup that is not allowed ({ $value }): paragraphs, strong, lists, links and line breaks only.
feed-problem-bad-link = The link "{ $value }" is not allowed: https, mailto and tel only.
feed-problem-expired = It expired at { $value }: apps will not accept this feed.

## Errors (the town feed)
error-feed-no-key = This app has no key to check the town's information with.
error-feed-insecure-url = The town's information address { $value } is not https, so it cannot be used.
error-feed-network = The town's information could not be reached. Please try again later where you have a connection. ({ $value })
error-feed-timeout = Fetching the town's information took too long and was stopped. Please try again later.
error-feed-truncated = Only part of the town's information arrived. Please try again later.
error-feed-http = The town's information server could not answer (HTTP { $status }). Please try again later.
error-feed-too-large = The town's information is too large (the limit is { $max } bytes) and was not accepted.
error-feed-unsigned = The town's information had no signature, so it was not used.
error-feed-wrong-key = The town's information was signed with a key other than the town's, so it was not used.
error-feed-signature = The town's information does not match its signature, so it was not used.
error-feed-comment = The town, version or date in the signature does not match the town's information, so it was not used. ({ $value })
error-feed-schema = The town's information is in a format (version { $value }) this app cannot read (it reads { $supported }). Please update the app.
error-feed-invalid = The town's information failed its checks (problems found: { $count }), so it was not used. ({ $value })
error-feed-wrong-town = This was another town's information ({ $value }), so it was not used.
error-feed-rollback = The town's information received (version { $offered }) is older than the version { $held } on this device, so it was not used.
error-feed-expired = The town's information expired at { $value }. What you had is shown until newer information arrives.
error-feed-key = The signing key cannot be used: { $value }

## A town's own app (tsunagu town)
cli-about-town = A town's own app: check the town's folder and write its build settings
cli-about-town-check = Check a town folder and list every problem with its field
cli-about-town-overlay = Write the Tauri config overlay and desktop entry for a town's build
town-check-ok = { $dir }: no problems. An app can be built from this folder.
town-check-problems = { $dir }: { $count } { $count ->
    [one] problem
   *[other] problems
}. Fix { $count ->
    [one] it
   *[other] them
} and check again.
town-overlay-written = Wrote the build settings to { $path }.
town-problem-unreadable = This is not readable as a town.toml (line { $line }): { $value }
town-problem-missing = This field is required.
town-problem-empty = This is empty.
town-problem-control-character = Line breaks and other control characters cannot be used here (write one line).
town-problem-unknown-lang = There is no language "{ $value }" (ja or en).
town-problem-too-long = This has { $length } characters; keep it within { $max } (stores cut it there).
town-problem-too-wide = This is { $columns } columns wide on a home screen (a Japanese character takes two); keep it within { $max }.
town-problem-bad-town-id = "{ $value }" cannot be a town id (lower-case ASCII letters, digits and hyphens, starting with a letter).
town-problem-folder-mismatch = The folder is named "{ $value }", not after the id. Name the folder as the id.
town-problem-bad-programme = "{ $value }" is not a programme span (pregnancy, age1, age2 or age3).
town-problem-bad-identifier = "{ $value }" cannot be the app's identifier. Write the town's domain reversed, as jp.lg.example.kosodate: three or more parts of lower-case ASCII letters and digits (no hyphens or underscores).
town-problem-bad-package = "{ $value }" cannot be the package name: 2 to 40 lower-case ASCII letters, digits and hyphens, starting with a letter (e.g. example-kosodate).
town-problem-bad-colour = "{ $value }" is not a colour (write it as #2e7d6f).
town-problem-low-contrast = In { $theme ->
    [light] light mode
   *[dark] dark mode
} text on this colour ({ $text }) has a contrast of { $ratio }:1. Choose a colour that gives 4.5:1 or more (WCAG 2.2 AA).
town-problem-insecure-feed-url = "{ $value }" cannot be used: use an address starting with https:// (plain http only for 127.0.0.1 and localhost).
town-problem-local-feed-url = "{ $value }" is an address on the device itself. A town that is not a sample needs its published https:// address.
town-problem-bad-key = This is not a public key. Use the second line of the .pub file made by tsunagu feed keygen.
town-problem-bad-phone = "{ $value }" is not a number a phone can dial (#8000, 119, or 10 to 11 digits starting with 0, with hyphens only between groups).
town-problem-bad-url = "{ $value }" cannot be used: use an address starting with https://.
town-problem-bundled-feed = The app built from this folder would refuse this feed: { $reason }
town-problem-feed-other-town = This feed is town "{ $value }"'s. Sign this town's own feed.
town-problem-icon-missing = There is no icon.png (a square 1024×1024 PNG).
town-problem-icon-not-png = This is not a PNG file.
town-problem-icon-not-square = It is { $width }×{ $height }, not square. Make it 1024×1024.
town-problem-icon-wrong-size = It is { $width }×{ $height }. Make it 1024×1024.

## Share codes (family read-along)
error-share-code-damaged = This code could not be read: a character may be mistyped or missing. Please check it against the other phone and try again. Nothing has been changed.
error-share-code-other-town = This code comes from another town's app, so it cannot be added here. Nothing has been changed.
error-share-code-too-new = This code was made by a newer version of the app (format { $found }; this one reads up to { $supported }). Please update the app, then try again. Nothing has been changed.

## The share screen and adding a shared child (the shell's words)
share-holds-nickname = The nickname: { $nickname }
share-holds-no-nickname = No nickname (the other phone keeps the name it gives)
share-holds-due = The due date: { $date }
share-holds-birth = The birth date: { $date }
share-holds-expecting = That the baby is not born yet
share-holds-born = That the baby is born
share-holds-stopped = That the messages are stopped (never why)
share-holds-town = That it is for { $town }'s app
share-again-born = The birth was recorded after this child was last shared. Please share again so the family's phones agree.
share-again-stopped = The messages were stopped after this child was last shared. Please share again so the family's phones agree.
share-again-resumed = The messages were restarted after this child was last shared. Please share again so the family's phones agree.
share-change-nickname = The nickname
share-change-due-date = The due date
share-change-birth-recorded = The birth
share-change-birth-date = The birth date
share-change-stop = The messages stopped
share-change-resume = The messages restarted
share-confirm-stop = On the other phone, the messages for { $name } were stopped. Stop them on this phone too? Nothing about this child will be notified here after that.
share-confirm-resume = On this phone, the messages for { $name } are stopped, and the code says they continue. Restart them on this phone?
share-unnamed = this child
notify-town-survey = Town survey: { $title }
