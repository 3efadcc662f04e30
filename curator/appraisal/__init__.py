"""The appraisal of included studies: the review's own extraction form and risk of bias (RoB 2).

``form.py`` holds the custom fields a team designs and ``custom_values.py`` their values per
record; ``rob2.py`` is the RoB 2 tool as data (questions, branching, the decision rules) and
``appraisals.py`` keeps each reviewer's appraisal, overrides, disagreements and the lead's
resolutions. Nothing here knows about the window, PRISMA or the exports.
"""
