# Example infrastructure for the Production Readiness demo. The load balancer and target group
# come from the checklist seed; the database, bucket and security group are deliberately not
# production-ready, so a scan shows findings (and their quick fixes) in every category.

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project = "datametria-app"
    }
  }
}

resource "aws_lb" "main" {
  name               = "production-alb"
  internal           = false
  load_balancer_type = "application"
  security_groups    = [aws_security_group.alb.id]
  subnets            = aws_subnet.public[*].id

  enable_deletion_protection = true

  tags = {
    Environment = "production"
    Project     = "datametria-app"
  }
}

resource "aws_lb_target_group" "app" {
  name     = "app-tg"
  port     = 80
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id

  health_check {
    enabled             = true
    healthy_threshold   = 2
    interval            = 30
    matcher             = "200"
    path                = "/health"
    port                = "traffic-port"
    protocol            = "HTTP"
    timeout             = 5
    unhealthy_threshold = 2
  }
}

# Not ready: plain HTTP without a redirect to HTTPS.
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.main.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# Not ready: unencrypted, one day of backups, no standby, public, literal password.
resource "aws_db_instance" "main" {
  identifier              = "app-db"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  username                = "app"
  password                = "change-me-please"
  backup_retention_period = var.backup_days
  publicly_accessible     = true

  tags = {
    Environment = "production"
  }
}

# Not ready: no versioning, no public access block, no encryption configuration.
resource "aws_s3_bucket" "uploads" {
  bucket = "datametria-app-uploads"
}

resource "aws_security_group" "alb" {
  name   = "alb"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # Not ready: SSH open to the whole internet.
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/datametria/app"
}
