"""A short on-topic article (one paragraph per item) that off-topic tests splice text into."""

TOPIC = [
    "The city council approved the new school budget on Tuesday after a long debate about teacher salaries.",
    "Council members said the school budget raises teacher salaries by four percent and hires forty teachers.",
    "Parents welcomed the school budget, though classroom sizes stay large in the poorest districts.",
    "The teachers union called the raise in teacher salaries overdue and will watch the council budget.",
    "The mayor must sign the school budget by Friday, and teacher salaries rise from September.",
    "Council members said crowded classrooms and teacher salaries top the agenda of the next budget debate.",
    "The school budget also pays for forty new classrooms, council members said after the salary debate.",
    "Teachers said the school budget was a first step, but classroom sizes and salaries still lag behind.",
]
